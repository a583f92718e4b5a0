package org.chmexchange.node.portal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.portal.Models.Country;
import org.chmexchange.node.portal.Models.Person;
import org.chmexchange.node.portal.Models.RecordRow;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * A country's page: its national focal points of every convention in one place, and its national
 * reports and NBSAPs.
 *
 * <p>Focal points are merged across records and sources: two focal-point records are the same
 * person when they share an e-mail address, or when their names ({@code vcard:fn}) are equal once
 * case, accents, dots and spacing are folded, and so on transitively (a record that shares an e-mail
 * with one and a name with another joins all three). A person appears once, with every role (treaty and
 * category) of every record, each linking to the record it comes from: the cross-convention view
 * CMS COP14 Doc.18.1 asks national coordination for.
 *
 * <p>Thread-safety: stateless.
 */
public final class CountryViews {

    /** The most focal-point records and reports read for one country. */
    public static final int MAX_RECORDS = 500;

    private CountryViews() {}

    /** The page of the country concept {@code country}. */
    public static Country of(IRI country, RecordStore store, Views v) {
        RecordQuery fps = new RecordQuery(
                Set.of(RecordType.FOCAL_POINT), Set.of(), Set.of(country), Set.of(), Set.of(), null, null);
        List<IRI> iris = new ArrayList<>();
        List<Model> records = new ArrayList<>();
        IRI after = null;
        do {
            RecordPage page = store.list(fps, after, 100);
            for (RecordSummary s : page.items()) {
                store.get(s.iri())
                        .ifPresent(
                                record -> { // absent: deleted meanwhile
                                    iris.add(s.iri());
                                    records.add(record);
                                });
            }
            after = page.lastKey().orElse(null);
        } while (after != null && iris.size() < MAX_RECORDS);
        // one person per connected group of records: a shared e-mail or folded name joins two records
        int[] parent = new int[iris.size()];
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int r = 0; r < iris.size(); r++) {
            parent[r] = r;
            for (String key : keys(iris.get(r), records.get(r))) {
                Integer other = firstWithKey.putIfAbsent(key, r);
                if (other != null) {
                    parent[find(parent, r)] = find(parent, other);
                }
            }
        }
        Map<Integer, PersonBuilder> byRoot = new LinkedHashMap<>();
        for (int r = 0; r < iris.size(); r++) {
            IRI iri = iris.get(r);
            Model record = records.get(r);
            PersonBuilder person = byRoot.computeIfAbsent(
                    find(parent, r),
                    root -> new PersonBuilder(
                            v.title(iri, record), v.text(Views.texts(record, iri, VCARD4.ORGANIZATION_NAME))));
            addRoles(person, iri, record, v);
        }
        RecordQuery reports = new RecordQuery(
                Set.of(RecordType.NATIONAL_REPORT), Set.of(), Set.of(country), Set.of(), Set.of(), null, null);
        List<RecordRow> reportRows = store.listByModified(reports, true, null, 0, MAX_RECORDS).items().stream()
                .map(v::row)
                .toList();
        return new Country(
                v.conceptText(country),
                byRoot.values().stream().map(PersonBuilder::build).toList(),
                reportRows,
                v.withLang("/records?country=" + Page.Urls.encode(country.stringValue())));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** What identifies the person of a focal-point record: its e-mail addresses and folded name. */
    private static List<String> keys(IRI iri, Model record) {
        List<String> keys = new ArrayList<>();
        for (IRI email : Views.iris(record, iri, VCARD4.HAS_EMAIL)) {
            keys.add("email:" + email.stringValue().toLowerCase(Locale.ROOT));
        }
        Views.first(record, iri, VCARD4.FN)
                .map(CountryViews::fold)
                .filter(name -> !name.isEmpty()) // a blank name identifies no one
                .ifPresent(name -> keys.add("name:" + name));
        return keys;
    }

    private static void addRoles(PersonBuilder person, IRI iri, Model record, Views v) {
        String href = v.recordHref(iri);
        List<IRI> categories = Views.iris(record, iri, CHM.focalPointCategory);
        for (IRI treaty : Views.iris(record, iri, CHM.treaty)) {
            String treatyLabel = v.conceptText(treaty).text();
            if (categories.isEmpty()) {
                person.roles.putIfAbsent(treatyLabel, new Label(treatyLabel, null, href));
            }
            for (IRI category : categories) {
                String text = treatyLabel + ": " + v.conceptText(category).text();
                person.roles.putIfAbsent(text, new Label(text, null, href));
            }
        }
        for (IRI email : Views.iris(record, iri, VCARD4.HAS_EMAIL)) {
            String s = email.stringValue();
            person.emails.add(new Label(s.startsWith("mailto:") ? s.substring(7) : s, null, RecordViews.safe(email)));
        }
    }

    /** Case, accents and runs of spaces folded away, for comparing names. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", " ").strip();
    }

    private static final class PersonBuilder {
        final Label name;
        final Label organization;
        final Map<String, Label> roles = new LinkedHashMap<>();
        final Set<Label> emails = new LinkedHashSet<>();

        PersonBuilder(Label name, Label organization) {
            this.name = name;
            this.organization = organization;
        }

        Person build() {
            return new Person(name, organization, List.copyOf(roles.values()), List.copyOf(emails));
        }
    }
}
