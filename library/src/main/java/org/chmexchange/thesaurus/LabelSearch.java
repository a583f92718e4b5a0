package org.chmexchange.thesaurus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;

/**
 * The autocomplete index of a {@link Thesaurus}: every label (pref and alt, all languages) and every
 * notation of every concept, folded once ({@link TextFolding}). A search scans the index (a few
 * thousand entries for the shared thesaurus), keeps each concept's best match and ranks the concepts.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class LabelSearch {

    /** Kind, then shorter matched text, then language preference, then text, then IRI. */
    private static final Comparator<Hit> HIT_ORDER = Comparator.comparing(Hit::kind)
            .thenComparingInt(hit -> hit.entry().text().length())
            .thenComparingInt(Hit::langRank)
            .thenComparing(hit -> hit.entry().folded())
            .thenComparing(hit -> hit.entry().concept().iri().stringValue());

    private final List<Entry> entries;

    LabelSearch(Collection<Concept> concepts) {
        List<Entry> all = new ArrayList<>();
        for (Concept concept : concepts) {
            concept.prefLabels().forEach((lang, label) -> add(all, concept, label, lang, false));
            concept.altLabels()
                    .forEach((lang, labels) -> labels.forEach(label -> add(all, concept, label, lang, false)));
            concept.notations().forEach(notation -> add(all, concept, notation, "", true));
        }
        this.entries = List.copyOf(all);
    }

    /**
     * See {@link Thesaurus#search(String, String, int, IRI)}.
     *
     * @param scheme restricts hits to concepts of that scheme; null for all
     */
    List<ConceptMatch> search(String text, String lang, int limit, IRI scheme) {
        String query = TextFolding.fold(text);
        if (query.isEmpty()) {
            return List.of();
        }
        Map<IRI, Hit> best = new HashMap<>();
        for (Entry entry : entries) {
            if (scheme != null && !entry.concept().inScheme(scheme)) {
                continue;
            }
            ConceptMatch.Kind kind = entry.match(query);
            if (kind != null) {
                Hit hit = new Hit(entry, kind, Languages.rank(entry.lang(), lang));
                best.merge(entry.concept().iri(), hit, (a, b) -> HIT_ORDER.compare(a, b) <= 0 ? a : b);
            }
        }
        return best.values().stream()
                .sorted(HIT_ORDER)
                .limit(limit)
                .map(hit -> new ConceptMatch(
                        hit.entry().concept(),
                        hit.entry().concept().label(lang),
                        hit.entry().concept().labelLanguage(lang),
                        hit.kind(),
                        hit.entry().text()))
                .toList();
    }

    private static void add(List<Entry> entries, Concept concept, String text, String lang, boolean notation) {
        String folded = TextFolding.fold(text);
        if (!folded.isEmpty()) {
            entries.add(new Entry(concept, text, folded, lang, notation));
        }
    }

    private record Entry(Concept concept, String text, String folded, String lang, boolean notation) {

        /** How {@code query} (folded) matches this entry, or null. */
        ConceptMatch.Kind match(String query) {
            if (folded.equals(query)) {
                return ConceptMatch.Kind.EXACT;
            }
            if (notation) {
                return folded.startsWith(query) ? ConceptMatch.Kind.NOTATION : null;
            }
            if (folded.startsWith(query)) {
                return ConceptMatch.Kind.LABEL_PREFIX;
            }
            return TextFolding.laterWordStartsWith(folded, query) ? ConceptMatch.Kind.WORD_PREFIX : null;
        }
    }

    private record Hit(Entry entry, ConceptMatch.Kind kind, int langRank) {}
}
