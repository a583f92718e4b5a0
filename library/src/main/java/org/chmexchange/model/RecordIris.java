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
 *       namespace {@value #VOCABULARY_NAMESPACE}, with a host, in normal form: no dot segment
 *       ({@code .} or {@code ..}, also percent-encoded as {@code %2e}) in its path (RFC 3986
 *       section 6.2.2.3), so that one record has one IRI.
 *   <li>An IRI a node mints, {@code {base}records/{type}/{id}}, names a record of that type ({@link
 *       #mintedTypeRefusal}).
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
        java.net.URI uri;
        try {
            uri = new java.net.URI(s);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("<" + s + "> cannot name a record: it is not a valid IRI (" + e.getReason() + ")");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            return Optional.of("<" + s + "> cannot name a record: it has no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return Optional.of("<" + s + "> cannot name a record: its path has a dot segment ('" + segment
                        + "'); send the IRI in normal form");
            }
        }
        return Optional.empty();
    }

    /**
     * The type of a record IRI minted under {@code base} ({@link RecordType#mint}: {@code
     * {base}records/{slug}/{id}} with a known slug and a valid id); empty for any other IRI.
     */
    public static Optional<RecordType> mintedType(String base, IRI iri) {
        String[] path = mintedPath(base, iri);
        if (path == null || !RecordType.ID.matcher(path[1]).matches()) {
            return Optional.empty();
        }
        return RecordType.fromSlug(path[0]);
    }

    /** The slug and id of an IRI under {@code {base}records/} ({@code ""} when absent); null for another IRI. */
    private static String[] mintedPath(String base, IRI iri) {
        String prefix = base + "records/";
        String s = iri.stringValue();
        if (!s.startsWith(prefix)) {
            return null;
        }
        String rest = s.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    /**
     * Why a record of {@code type} cannot have {@code iri}: an IRI under {@code {base}records/} names
     * its type in its path ({@link RecordType#mint}), so a focal point cannot live at a decision's
     * address; empty if the IRI is not under that path or names the right type.
     */
    public static Optional<String> mintedTypeRefusal(String base, IRI iri, RecordType type) {
        String[] path = mintedPath(base, iri);
        if (path == null) {
            return Optional.empty();
        }
        String s = iri.stringValue();
        String prefix = base + "records/";
        String slug = path[0];
        String id = path[1];
        if (!slug.equals(type.slug())) {
            return Optional.of("<" + s + "> is the address of a " + (slug.isEmpty() ? "record" : slug)
                    + " at this node, but the record is a " + type.slug() + " ("
                    + type.rdfClass().getLocalName()
                    + "); its IRI is " + prefix + type.slug() + "/{id}");
        }
        if (!RecordType.ID.matcher(id).matches()) {
            return Optional.of("<" + s + "> is not {base}records/" + type.slug() + "/{id} with an id of "
                    + RecordType.ID.pattern());
        }
        return Optional.empty();
    }
}
