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
 * case, accents and spacing are folded. A person appears once, with every role (treaty and
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
        List<PersonBuilder> people = new ArrayList<>();
        Map<String, PersonBuilder> byKey = new HashMap<>();
        IRI after = null;
        int read = 0;
        do {
            RecordPage page = store.list(fps, after, 100);
            for (RecordSummary s : page.items()) {
                Model record = store.get(s.iri()).orElse(null);
                if (record == null) {
                    continue; // deleted meanwhile
                }
                merge(s.iri(), record, people, byKey, v);
            }
            read += page.items().size();
            after = page.lastKey().orElse(null);
        } while (after != null && read < MAX_RECORDS);
        RecordQuery reports = new RecordQuery(
                Set.of(RecordType.NATIONAL_REPORT), Set.of(), Set.of(country), Set.of(), Set.of(), null, null);
        List<RecordRow> reportRows = store.listByModified(reports, true, null, 0, MAX_RECORDS).items().stream()
                .map(v::row)
                .toList();
        return new Country(
                v.conceptText(country),
                people.stream().map(PersonBuilder::build).toList(),
                reportRows,
                v.withLang("/records?country=" + Page.Urls.encode(country.stringValue())));
    }

    private static void merge(
            IRI iri, Model record, List<PersonBuilder> people, Map<String, PersonBuilder> byKey, Views v) {
        Label name = v.title(iri, record);
        List<String> keys = new ArrayList<>();
        for (IRI email : Views.iris(record, iri, VCARD4.HAS_EMAIL)) {
            keys.add("email:" + email.stringValue().toLowerCase(Locale.ROOT));
        }
        Views.first(record, iri, VCARD4.FN).ifPresent(fn -> keys.add("name:" + fold(fn)));
        PersonBuilder person = null;
        for (String k : keys) {
            person = byKey.get(k);
            if (person != null) {
                break;
            }
        }
        if (person == null) {
            person = new PersonBuilder(name, v.text(Views.texts(record, iri, VCARD4.ORGANIZATION_NAME)));
            people.add(person);
        }
        for (String k : keys) {
            byKey.putIfAbsent(k, person);
        }
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
