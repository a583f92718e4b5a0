package org.chmexchange.harvest.sparql;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;

/**
 * The SPARQL text of the harvester's queries. Nothing is concatenated unchecked: IRIs are checked
 * against the {@code IRIREF} production of the SPARQL 1.1 grammar (and must be absolute), strings
 * are written as {@code STRING_LITERAL2} with every character the grammar forbids escaped.
 *
 * <p>Thread-safety: stateless.
 */
final class SparqlQueries {

    /** An absolute IRI that can be written as {@code <...>}: a scheme, then no character IRIREF excludes. */
    private static final Pattern WRITABLE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\\\\x00-\\x20]*");

    private SparqlQueries() {}

    /**
     * One page of the keyset over the records of a class:
     * {@code SELECT DISTINCT ?s WHERE { ?s a <class> FILTER(isIRI(?s) && STR(?s) > "after") } ORDER
     * BY STR(?s) LIMIT limit}.
     *
     * @param recordClass the class; a writable IRI
     * @param after the key of the last record already read (exclusive), or null for the first page
     * @param limit the most rows; at least 1
     * @throws IllegalArgumentException if the class IRI cannot be written or {@code limit < 1}
     */
    static String selectPage(IRI recordClass, String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String filter = after == null ? "isIRI(?s)" : "isIRI(?s) && STR(?s) > " + stringLiteral(after);
        return "SELECT DISTINCT ?s WHERE { ?s a " + iriRef(recordClass.stringValue()) + " . FILTER(" + filter
                + ") } ORDER BY STR(?s) LIMIT " + limit;
    }

    /**
     * The statements of some records and of their nested resources ({@code {record}#fragment}
     * linked from the record, as the model writes files).
     *
     * @param records the record IRIs; not empty, each writable ({@link #isWritableIri})
     * @throws IllegalArgumentException if {@code records} is empty or an IRI cannot be written
     */
    static String construct(Collection<IRI> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("No records to construct");
        }
        StringBuilder q = new StringBuilder("CONSTRUCT { ?r ?p ?o . ?f ?fp ?fo . } WHERE { VALUES ?r {");
        for (IRI record : records) {
            q.append(' ').append(iriRef(record.stringValue()));
        }
        return q.append(" } { ?r ?p ?o } UNION { ?r ?link ?f . FILTER(isIRI(?f) &&")
                .append(" STRSTARTS(STR(?f), CONCAT(STR(?r), \"#\"))) ?f ?fp ?fo } }")
                .toString();
    }

    /** Whether {@code iri} is absolute and can be written as a SPARQL {@code IRIREF}. */
    static boolean isWritableIri(String iri) {
        return iri != null && WRITABLE_IRI.matcher(iri).matches();
    }

    /**
     * {@code <iri>}.
     *
     * @throws IllegalArgumentException if the IRI is not {@linkplain #isWritableIri writable}
     */
    static String iriRef(String iri) {
        if (!isWritableIri(iri)) {
            throw new IllegalArgumentException("Not an absolute IRI that SPARQL can write as <...>: " + iri);
        }
        return "<" + iri + ">";
    }

    /**
     * A SPARQL string literal ({@code STRING_LITERAL2}) of {@code value}: {@code "} and {@code \} and
     * the line breaks escaped with {@code ECHAR}s, other control characters as {@code \}{@code uXXXX}.
     */
    static String stringLiteral(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
