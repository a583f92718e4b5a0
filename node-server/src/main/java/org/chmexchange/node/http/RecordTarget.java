package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * The record a write names: {@code /records/{type}/{id}} (a record of this node, whose IRI is
 * {@code {base}records/{type}/{id}}) or {@code /records?iri=<IRI>} (a record with any http(s) IRI).
 *
 * @param iri the record IRI; not null
 * @param type the type the URL names; empty for the {@code ?iri=} form
 */
record RecordTarget(IRI iri, Optional<RecordType> type) {

    /** Resolves the target of a request. */
    @FunctionalInterface
    interface Resolver {
        /** @throws ApiException 404 or 400 when the URL names no possible record */
        RecordTarget resolve(Context ctx);
    }

    /**
     * The record of {@code /records/{type}/{id}}: 404 for an unknown type or an id with other
     * characters than letters, digits, {@code . _ ~ -} (as for GET).
     */
    static Resolver fromPath(String base) {
        return ctx -> {
            String type = ctx.pathParam("type");
            String id = ctx.pathParam("id");
            RecordType recordType = RecordType.fromSlug(type)
                    .orElseThrow(() -> ApiException.notFound("There is no record type '" + type + "' on this node."));
            if (!RecordType.ID.matcher(id).matches()) {
                throw ApiException.notFound("'" + id + "' is not a record id (letters, digits, '.', '_', '~', '-').");
            }
            return new RecordTarget(recordType.mint(base, id), Optional.of(recordType));
        };
    }

    /** The record of {@code /records?iri=<IRI>}: 400 without exactly one absolute http(s) {@code iri}. */
    static Resolver fromQuery() {
        return ctx -> {
            List<String> values = ctx.queryParams("iri");
            if (values.size() != 1 || values.get(0).isBlank()) {
                throw ApiException.badParameter(
                        "iri",
                        "Give the record IRI once: ?iri=<IRI> (or write to /records/{type}/{id} for a record of this node).");
            }
            String value = values.get(0);
            if (!Params.isIri(value)) {
                throw ApiException.badParameter("iri", "iri must be an absolute http(s) IRI: " + value);
            }
            return new RecordTarget(Params.iri("iri", value), Optional.empty());
        };
    }
}
