package org.chmexchange.node.portal;

import java.util.List;

/**
 * What the portal's templates show: plain values, already in the reader's language, built by the
 * node's handlers. Every list is never null.
 */
public final class Models {

    private Models() {}

    /**
     * One record in a list.
     *
     * @param title its title in the reader's language (or its name, or its identifier), linking to it
     * @param type the record type's name in the reader's language
     * @param identifier its identifier, may be empty
     * @param modified when it last changed, ISO 8601, or null
     */
    public record RecordRow(Label title, String type, String identifier, String modified) {}

    /**
     * One value of a facet.
     *
     * @param label the value's name, linking to the search with this value added (or removed when
     *     selected)
     * @param count how many records have it
     * @param selected whether the search filters on it
     */
    public record FacetRow(Label label, long count, boolean selected) {}

    /**
     * A facet.
     *
     * @param name its name in the reader's language
     * @param rows its values, the most frequent first
     */
    public record FacetGroup(String name, List<FacetRow> rows) {}

    /**
     * The thesaurus search page.
     *
     * @param q the text searched for
     * @param concepts the matching concepts, best first, with their notation
     */
    public record ConceptSearch(String q, List<TreeNode> concepts) {}

    /** The home page: counts, facets by type and treaty, the latest changes. */
    public record Home(long total, FacetGroup byType, FacetGroup byTreaty, List<RecordRow> latest) {}

    /**
     * A search page.
     *
     * @param q the text searched for, or null
     * @param total how many records match
     * @param hidden the other filters, kept as hidden fields of the search form (name, value pairs)
     * @param active the active filters, each linking to the search without it
     * @param facets the facets with counts
     * @param results this page of results
     * @param next the next page, or null
     */
    public record Search(
            String q,
            long total,
            List<String[]> hidden,
            List<Label> active,
            List<FacetGroup> facets,
            List<RecordRow> results,
            String next) {}

    /**
     * A named list of values on a record or concept page.
     *
     * @param name the field's name in the reader's language (or a property's prefixed name)
     * @param values its values
     */
    public record Field(String name, List<Label> values) {}

    /**
     * A record page.
     *
     * @param title the record's title (or name) in the reader's language
     * @param type the record type's name
     * @param iri the record IRI
     * @param languages the record in the other languages it has a title in (links with {@code lang})
     * @param fields the main fields (identifier, treaty, country, dates, subjects...)
     * @param description the description in the reader's language, or null
     * @param files its files (links)
     * @param linksTo the records it names, with their titles
     * @param linkedFrom the records that name it
     * @param provenance where it came from: source graph, last change, same-as IRIs
     * @param formats links to its RDF representations
     * @param history its changes in the change log, oldest first (at most {@code
     *     RecordViews.HISTORY_SHOWN}), each linking to its activity
     * @param properties every statement, property by property
     */
    public record RecordView(
            Label title,
            String type,
            String iri,
            List<Label> languages,
            List<Field> fields,
            Label description,
            List<Label> files,
            List<RecordRow> linksTo,
            List<RecordRow> linkedFrom,
            List<Field> provenance,
            List<Label> formats,
            List<Label> history,
            List<Field> properties) {}

    /**
     * The list of concept schemes.
     *
     * @param schemes each scheme's title linking to its page, with its number of concepts
     */
    public record Schemes(List<FacetRow> schemes) {}

    /**
     * A node of a concept hierarchy.
     *
     * @param label the concept's label, linking to its page
     * @param notation its first notation, or null
     * @param children its narrower concepts (in this scheme)
     */
    public record TreeNode(Label label, String notation, List<TreeNode> children) {}

    /**
     * A concept scheme's page.
     *
     * @param title its title
     * @param iri its IRI
     * @param top its top concepts with their narrower concepts
     */
    public record Scheme(Label title, String iri, List<TreeNode> top) {}

    /**
     * A concept's page.
     *
     * @param label its label in the reader's language
     * @param iri its IRI
     * @param fields notations, schemes, broader, narrower, mappings
     * @param labels its labels in every language (preferred, then alternative)
     * @param definition its definition in the reader's language, or null
     * @param records the records tagged with it (or a narrower concept), the first page
     * @param total how many records are tagged
     * @param searchHref the search for these records
     * @param countryHref the country page when the concept is a country, else null
     */
    public record ConceptView(
            Label label,
            String iri,
            List<Field> fields,
            List<Label> labels,
            Label definition,
            List<RecordRow> records,
            long total,
            String searchHref,
            String countryHref) {}

    /**
     * One person or organisation holding focal-point roles in a country, merged across records.
     *
     * @param name their name
     * @param organization their organisation in the reader's language, or null
     * @param roles each role: treaty and category, linking to the record it comes from
     * @param emails their e-mail addresses ({@code mailto:} links)
     */
    public record Person(Label name, Label organization, List<Label> roles, List<Label> emails) {}

    /**
     * A country's page.
     *
     * @param name the country's name
     * @param people its focal points, one entry per person
     * @param reports its national reports and NBSAPs
     * @param searchHref the search for all the country's records
     */
    public record Country(Label name, List<Person> people, List<RecordRow> reports, String searchHref) {}

    /**
     * The list of countries that have records.
     *
     * @param countries each country linking to its page, with its number of records
     */
    public record Countries(List<FacetRow> countries) {}

    /**
     * A node of the network page.
     *
     * @param name its registry name, linking to its portal
     * @param nodeName the name it gives itself, or null
     * @param origin self, configured or registered (already in the reader's language)
     * @param state up, down or unknown (a CSS class and a word)
     * @param stateText the state in the reader's language
     * @param lastSuccess when it last answered, or null
     * @param latency the last answer's time, or null
     * @param records how many records it reported, or null
     * @param exchange the last successful harvest from it, or null
     * @param lag how far this node's copy is behind it (harvest lag), or its data age, or null
     * @param error the last poll's or harvest's error, or null
     * @param version its software version, or null
     */
    public record NodeRow(
            Label name,
            String nodeName,
            String origin,
            String state,
            String stateText,
            String lastSuccess,
            String latency,
            String records,
            String exchange,
            String lag,
            String error,
            String version) {}

    /**
     * A harvest source or publish target of this node, with its last run.
     *
     * @param name its name
     * @param url its URL
     * @param state ok, failed or never
     * @param stateText the state in the reader's language
     * @param lastRun when the last run ended, or null
     * @param counts what the last run did, or null
     * @param throughput records per second of the last run, or null
     * @param deadLetters dead letters set aside (targets), or null
     * @param error the last run's error, or null
     */
    public record RunRow(
            String name,
            String url,
            String state,
            String stateText,
            String lastRun,
            String counts,
            String throughput,
            String deadLetters,
            String error) {}

    /**
     * One line of a chart.
     *
     * @param name what it counts (in the reader's language)
     * @param color its colour (CSS)
     * @param points the SVG polyline points, {@code x,y x,y ...}
     * @param last its last value
     */
    public record Series(String name, String color, String points, long last) {}

    /**
     * A line chart of record counts over time, drawn as SVG with its data as a table beside it.
     *
     * @param title what it shows
     * @param width its width in SVG units
     * @param height its height in SVG units
     * @param from the first sample's time (ISO 8601)
     * @param to the last sample's time
     * @param max the largest count (the top of the y axis)
     * @param series its lines
     * @param countries records per country at the last sample (name, count), the most first
     */
    public record Chart(
            String title,
            int width,
            int height,
            String from,
            String to,
            long max,
            List<Series> series,
            List<String[]> countries) {}

    /**
     * The network page (the same data as {@code GET /status}).
     *
     * @param time when it was computed
     * @param nodes the nodes of the registry, this node first
     * @param sources this node's harvest sources
     * @param targets this node's publish targets
     * @param charts per node with a history, its records per type over time
     */
    public record Network(
            String time, List<NodeRow> nodes, List<RunRow> sources, List<RunRow> targets, List<Chart> charts) {}
}
