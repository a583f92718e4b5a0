package org.chmexchange.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Loads the RDF resources of the vocabularies module from the classpath, under {@value #ROOT}.
 *
 * <p>Every method parses afresh and returns a new, mutable {@link Model} the caller owns. A missing
 * or unparsable resource is a packaging error and throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * Model shapes = Vocabularies.shapes();
 * Model thesaurus = Vocabularies.thesaurus();
 * Model sample = Vocabularies.sampleData("http://localhost:8080/");
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Vocabularies {

    /** Classpath folder of every vocabulary resource. */
    public static final String ROOT = "/org/chmexchange/vocabularies/";

    /** IRI of our JSON-LD context; documents refer to it, it is always served from the classpath. */
    public static final String CONTEXT_IRI = "https://w3id.org/chm-exchange/context.jsonld";

    /** Placeholder base of the sample data; {@link #sampleData(String)} replaces it. */
    public static final String SAMPLE_BASE = "https://sample.chm-exchange.invalid/";

    /** The thesaurus files, one per concept scheme (see docs/MODEL.md). */
    public static final List<String> THESAURUS_FILES = List.of(
            "thesaurus/gbf-goals.ttl",
            "thesaurus/gbf-targets.ttl",
            "thesaurus/aichi-goals.ttl",
            "thesaurus/aichi-targets.ttl",
            "thesaurus/countries.ttl",
            "thesaurus/treaties.ttl",
            "thesaurus/focal-point-categories.ttl",
            "thesaurus/report-types.ttl",
            "thesaurus/decision-types.ttl",
            "thesaurus/document-types.ttl",
            "thesaurus/statuses.ttl");

    private Vocabularies() {}

    /** The ontology ({@code ontology.ttl}). */
    public static Model ontology() {
        return turtle("ontology.ttl");
    }

    /** The SHACL shapes ({@code shapes.ttl}). */
    public static Model shapes() {
        return turtle("shapes.ttl");
    }

    /** Every concept scheme of the shared thesaurus, merged into one model. */
    public static Model thesaurus() {
        Model all = new LinkedHashModel();
        for (String file : THESAURUS_FILES) {
            all.addAll(turtle(file));
        }
        return all;
    }

    /** The JSON-LD context document ({@code context.jsonld}) as text. */
    public static String contextJson() {
        try (InputStream in = open("context.jsonld")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + "context.jsonld", e);
        }
    }

    /**
     * The sample data (treaties, meetings, decisions and documents of mea-facts.json) with record
     * IRIs rebased from {@link #SAMPLE_BASE} onto {@code base}.
     *
     * @param base the node's base IRI, ending with {@code /}; not null
     * @return a new model
     * @throws IllegalArgumentException if {@code base} does not end with {@code /}
     */
    public static Model sampleData(String base) {
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("Base IRI must end with '/': " + base);
        }
        Model raw = turtle("sample/mea-facts.ttl");
        ValueFactory vf = SimpleValueFactory.getInstance();
        Model rebased = new LinkedHashModel(raw.size());
        raw.getNamespaces()
                .forEach(ns -> rebased.setNamespace(
                        ns.getPrefix(),
                        ns.getName().startsWith(SAMPLE_BASE)
                                ? base + ns.getName().substring(SAMPLE_BASE.length())
                                : ns.getName()));
        for (Statement st : raw) {
            rebased.add(
                    (Resource) rebase(st.getSubject(), base, vf),
                    (IRI) rebase(st.getPredicate(), base, vf),
                    rebase(st.getObject(), base, vf));
        }
        return rebased;
    }

    /** Opens a resource below {@link #ROOT}; the caller closes the stream. */
    public static InputStream open(String relativePath) {
        InputStream in = Vocabularies.class.getResourceAsStream(ROOT + relativePath);
        if (in == null) {
            throw new IllegalStateException("Missing vocabulary resource " + ROOT + relativePath);
        }
        return in;
    }

    private static Model turtle(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return Rio.parse(in, "", RDFFormat.TURTLE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot parse vocabulary resource " + ROOT + relativePath, e);
        }
    }

    private static Value rebase(Value value, String base, ValueFactory vf) {
        if (value.isIRI() && value.stringValue().startsWith(SAMPLE_BASE)) {
            return vf.createIRI(base + value.stringValue().substring(SAMPLE_BASE.length()));
        }
        return value;
    }
}
