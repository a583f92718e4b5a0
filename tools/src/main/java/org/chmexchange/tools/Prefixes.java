package org.chmexchange.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The prefixes the generated Turtle files may declare. {@link TurtleFiles} declares only those a
 * file uses. Concepts of scheme {@code s} get the prefix {@code s:} (for example
 * {@code gbf-targets:GBF-TARGET-03}); sample records of type {@code t} get {@code t:}.
 *
 * <p>Thread-safety: immutable constants.
 */
final class Prefixes {

    /** Record types of the sample data, as used in record IRIs (docs/MODEL.md). */
    static final List<String> RECORD_TYPES = List.of("treaty", "meeting", "decision", "document");

    /** Every known prefix, in declaration order. */
    static final List<Namespace> ALL = all();

    private Prefixes() {}

    /**
     * The namespace of the sample records of one type.
     *
     * @param type record type slug, one of {@link #RECORD_TYPES}; not null
     * @return {@code SAMPLE_BASE + "records/" + type + "/"}
     */
    static String recordNamespace(String type) {
        return Vocabularies.SAMPLE_BASE + "records/" + type + "/";
    }

    private static List<Namespace> all() {
        List<Namespace> all = new ArrayList<>(List.of(
                CHM.NS,
                new SimpleNamespace("chmt", ChmThesaurus.BASE),
                DCTERMS.NS,
                RDF.NS,
                RDFS.NS,
                SKOS.NS,
                XSD.NS,
                new SimpleNamespace("schema", Std.SCHEMA)));
        for (String scheme : List.of(
                ChmThesaurus.GBF_GOALS,
                ChmThesaurus.GBF_TARGETS,
                ChmThesaurus.AICHI_GOALS,
                ChmThesaurus.AICHI_TARGETS,
                ChmThesaurus.COUNTRIES,
                ChmThesaurus.TREATIES,
                ChmThesaurus.FOCAL_POINT_CATEGORIES,
                ChmThesaurus.REPORT_TYPES,
                ChmThesaurus.DECISION_TYPES,
                ChmThesaurus.DOCUMENT_TYPES,
                ChmThesaurus.STATUSES)) {
            all.add(new SimpleNamespace(scheme, ChmThesaurus.BASE + scheme + "/"));
        }
        for (String type : RECORD_TYPES) {
            all.add(new SimpleNamespace(type, recordNamespace(type)));
        }
        return Collections.unmodifiableList(all);
    }
}
