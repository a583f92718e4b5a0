package org.chmexchange.tools;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Record identifiers of the sample data (docs/MODEL.md, "Record identifiers of the sample data"),
 * and a registry that fails loudly when two records would get the same IRI.
 *
 * <ul>
 *   <li>treaty: {@code {treaty}} ({@code records/treaty/cbd})</li>
 *   <li>meeting: {@code slug({treaty}-{code})} ({@code records/meeting/cbd-cop-15-2})</li>
 *   <li>decision: {@code slug({treaty}-{decisionType}-{code})} ({@code records/decision/cbd-decision-15-4})</li>
 *   <li>document: {@code slug({symbol})} ({@code records/document/unep-cbd-cop-13-inf-22})</li>
 * </ul>
 *
 * <p>A code whose slug already starts with {@code slug(treaty)-} does not repeat the treaty: meeting
 * {@code CMS-COP12} of {@code cms} is {@code cms-cop12}, decision {@code IPBES-2/8} of {@code ipbes}
 * is {@code ipbes-decision-2-8}.
 *
 * <p>Thread-safety: the static methods are pure; a registry instance is not thread-safe.
 */
final class RecordIds {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final Map<IRI, String> minted = new HashMap<>();

    /**
     * Lower-cases {@code text} (root locale), turns every run of characters other than {@code a-z0-9}
     * into {@code -} and trims {@code -} at both ends.
     *
     * @throws IllegalArgumentException if nothing is left
     */
    static String slug(String text) {
        String slug = NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        if (start == end) {
            throw new IllegalArgumentException("No identifier characters in '" + text + "'");
        }
        return slug.substring(start, end);
    }

    static String treatyId(String treaty) {
        return treaty;
    }

    static String meetingId(String treaty, String code) {
        return slug(treaty) + "-" + codeWithoutTreaty(treaty, code);
    }

    static String decisionId(String treaty, String decisionType, String code) {
        return slug(treaty) + "-" + slug(decisionType) + "-" + codeWithoutTreaty(treaty, code);
    }

    static String documentId(String symbol) {
        return slug(symbol);
    }

    /** The IRI of a sample record: {@code SAMPLE_BASE + "records/" + type + "/" + id}. */
    static IRI recordIri(String type, String id) {
        return Values.iri(Prefixes.recordNamespace(type) + id);
    }

    /**
     * Mints the IRI of a record and remembers it.
     *
     * @param type record type slug
     * @param id record id
     * @param what the source entry, for the error message
     * @throws IllegalStateException if another record already has that IRI
     */
    IRI mint(String type, String id, String what) {
        IRI iri = recordIri(type, id);
        String previous = minted.putIfAbsent(iri, what);
        if (previous != null) {
            throw new IllegalStateException(
                    "Record id collision: " + what + " and " + previous + " both map to " + iri);
        }
        return iri;
    }

    private static String codeWithoutTreaty(String treaty, String code) {
        String codeSlug = slug(code);
        String prefix = slug(treaty) + "-";
        return codeSlug.startsWith(prefix) ? codeSlug.substring(prefix.length()) : codeSlug;
    }
}
