package org.chmexchange.node.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.node.portal.Models.ConceptView;
import org.chmexchange.node.portal.Models.FacetRow;
import org.chmexchange.node.portal.Models.Field;
import org.chmexchange.node.portal.Models.RecordRow;
import org.chmexchange.node.portal.Models.Scheme;
import org.chmexchange.node.portal.Models.Schemes;
import org.chmexchange.node.portal.Models.TreeNode;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.ConceptScheme;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * The thesaurus browser: the list of schemes, a scheme's hierarchy, a concept's page with its
 * labels in every language, notations, relations, mappings and the records tagged with it.
 *
 * <p>Thread-safety: stateless.
 */
public final class ThesaurusViews {

    /** How deep a scheme's page unfolds the hierarchy below its top concepts. */
    public static final int TREE_DEPTH = 4;

    /** How many tagged records a concept's page lists. */
    public static final int RECORDS_SHOWN = 20;

    private ThesaurusViews() {}

    /** Every scheme with its number of concepts, in the thesaurus's order. */
    public static Schemes schemes(Thesaurus thesaurus, Views v) {
        List<FacetRow> rows = new ArrayList<>();
        for (ConceptScheme s : thesaurus.schemes()) {
            String title = s.title(v.lang());
            rows.add(new FacetRow(
                    new Label(title, null, v.schemeHref(s.iri())),
                    thesaurus.concepts(s.iri()).size(),
                    false));
        }
        return new Schemes(rows);
    }

    /** A scheme's page: its top concepts, unfolded {@link #TREE_DEPTH} levels within the scheme. */
    public static Scheme scheme(Thesaurus thesaurus, ConceptScheme scheme, Views v) {
        List<TreeNode> top = new ArrayList<>();
        Set<IRI> seen = new HashSet<>();
        for (Concept c : thesaurus.topConcepts(scheme.iri())) {
            top.add(node(thesaurus, c, scheme.iri(), v, TREE_DEPTH, seen));
        }
        return new Scheme(Label.of(scheme.title(v.lang())), scheme.iri().stringValue(), top);
    }

    private static TreeNode node(Thesaurus thesaurus, Concept c, IRI scheme, Views v, int depth, Set<IRI> seen) {
        seen.add(c.iri());
        List<TreeNode> children = new ArrayList<>();
        if (depth > 0) {
            for (Concept n : thesaurus.narrower(c.iri(), false)) {
                if (n.inScheme(scheme) && !seen.contains(n.iri())) {
                    children.add(node(thesaurus, n, scheme, v, depth - 1, seen));
                }
            }
        }
        return new TreeNode(
                v.concept(c.iri()),
                c.notations().isEmpty() ? null : c.notations().get(0),
                children);
    }

    /** A concept's page, with the first records tagged with it or a narrower concept. */
    public static ConceptView concept(Thesaurus thesaurus, Concept c, RecordStore store, Views v) {
        Messages m = v.m();
        List<Field> fields = new ArrayList<>();
        if (!c.notations().isEmpty()) {
            fields.add(new Field(
                    m.t("concept.notation"),
                    c.notations().stream().map(Label::of).toList()));
        }
        List<Label> schemes = new ArrayList<>();
        for (IRI s : c.schemes()) {
            schemes.add(thesaurus
                    .scheme(s)
                    .map(cs -> new Label(cs.title(v.lang()), null, v.schemeHref(s)))
                    .orElse(Label.of(s.stringValue())));
        }
        if (!schemes.isEmpty()) {
            fields.add(new Field(m.t("concept.scheme"), schemes));
        }
        relation(fields, m.t("concept.broader"), c.broader(), v);
        relation(fields, m.t("concept.narrower"), c.narrower(), v);
        if (!c.exactMatch().isEmpty()) {
            fields.add(new Field(
                    m.t("concept.exactMatch"),
                    c.exactMatch().stream()
                            .map(i -> new Label(i.stringValue(), null, RecordViews.safe(i)))
                            .toList()));
        }
        List<Label> labels = new ArrayList<>();
        for (Map.Entry<String, String> l : c.prefLabels().entrySet()) {
            labels.add(new Label(l.getValue(), l.getKey(), null));
        }
        for (Map.Entry<String, List<String>> l : c.altLabels().entrySet()) {
            for (String alt : l.getValue()) {
                labels.add(new Label(alt + " (" + m.t("concept.altLabel") + ")", l.getKey(), null));
            }
        }
        Label definition = v.text(c.definitions());
        Set<IRI> tagged = thesaurus.withNarrowerTransitive(c.iri());
        RecordQuery query;
        try {
            query = new RecordQuery(Set.of(), Set.of(), Set.of(), Set.of(), tagged, null, null);
        } catch (IllegalArgumentException tooMany) { // more narrower concepts than a query may name
            query = new RecordQuery(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(c.iri()), null, null);
        }
        RecordPage page = store.list(query, null, RECORDS_SHOWN);
        List<RecordRow> records = page.items().stream().map(v::row).toList();
        String countryHref = Views.countryCode(c.iri()).map(v::countryHref).orElse(null);
        return new ConceptView(
                v.conceptText(c.iri()),
                c.iri().stringValue(),
                fields,
                labels,
                definition,
                records,
                page.totalItems(),
                v.withLang("/records?concept=" + Page.Urls.encode(c.iri().stringValue())),
                countryHref);
    }

    private static void relation(List<Field> fields, String name, Set<IRI> iris, Views v) {
        if (!iris.isEmpty()) {
            fields.add(new Field(name, iris.stream().map(v::concept).toList()));
        }
    }
}
