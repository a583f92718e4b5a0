package org.chmexchange.model;

import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The one rule of record membership and record IRIs (docs/MODEL.md), used by every path that splits
 * RDF into records: the store, the publishing API, every harvester, the JSON-LD writer.
 *
 * <ul>
 *   <li>A record IRI is an http(s) IRI without a {@code #fragment}, outside the vocabulary
 *       namespace {@value #VOCABULARY_NAMESPACE}.
 *   <li>A statement belongs to the record named by its subject up to the first {@code #}: the
 *       record itself, or one of its nested resources ({@code {record}#file-1}). Blank-node subjects
 *       belong to no record.
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class RecordIris {

    /** Namespace of the project's vocabularies and reference graphs: never a record. */
    public static final String VOCABULARY_NAMESPACE = "https://w3id.org/chm-exchange/";

    private RecordIris() {}

    /**
     * The IRI of the record a subject belongs to if it is a record: the subject up to its first
     * {@code #}; null for a blank node. Whether that IRI is a record of the data at hand is the
     * caller's question (is it typed with a record class there?).
     */
    public static IRI ownerOf(Resource subject) {
        if (subject == null || !subject.isIRI()) {
            return null;
        }
        String s = subject.stringValue();
        int hash = s.indexOf('#');
        return hash < 0 ? (IRI) subject : Values.iri(s.substring(0, hash));
    }

    /** True if {@code subject} is {@code record} or one of its nested resources. */
    public static boolean belongsTo(Resource subject, IRI record) {
        IRI owner = ownerOf(subject);
        return owner != null && owner.equals(record);
    }

    /** Why {@code iri} cannot name a record, or empty if it can. */
    public static Optional<String> refusal(IRI iri) {
        String s = iri.stringValue();
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            return Optional.of("<" + s + "> cannot name a record: record IRIs are http(s) IRIs");
        }
        if (s.indexOf('#') >= 0) {
            return Optional.of(
                    "<" + s + "> cannot name a record: a #fragment names a nested resource of the record before it");
        }
        if (s.startsWith(VOCABULARY_NAMESPACE)) {
            return Optional.of(
                    "<" + s + "> cannot name a record: it is in the vocabulary namespace " + VOCABULARY_NAMESPACE);
        }
        return Optional.empty();
    }
}
