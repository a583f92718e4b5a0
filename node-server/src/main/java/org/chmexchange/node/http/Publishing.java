package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.admission.Admission;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.Gate;
import org.chmexchange.admission.Gates;
import org.chmexchange.admission.Rejection;
import org.chmexchange.node.auth.RecordFacts;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordParseException;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.store.InvalidRecordException;
import org.chmexchange.store.RecordConflictException;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.validation.Violation;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.PROV;

/**
 * The steps every write of the publishing API shares (docs/EXCHANGE.md, "Publishing API"), each
 * failing with its problem: the bearer token (401), the body's format (415) and size (413), its
 * parsing (400 with line and column), then the library's admission pipeline (the splitter, then the
 * gates record IRIs 400, the token's scope 403, ownership 403, validation 422), then attribution and
 * storage in the token's graph.
 *
 * <p>Thread-safety: safe from any thread; the validator serialises validations, the store writes.
 */
final class Publishing {

    private static final List<String> READABLE =
            Arrays.stream(RecordFormat.values()).map(RecordFormat::mediaType).toList();

    private final RecordStore store;
    private final RecordValidator validator;
    private final Tokens tokens;
    private final String base;
    private final long maxRequestBytes;

    /**
     * @param store where records are written; not closed by this class
     * @param validator the node's one validator; not closed by this class
     * @param tokens the write tokens
     * @param base the node's base IRI, ending with {@code /}
     * @param maxRequestBytes largest accepted body, in bytes
     */
    Publishing(RecordStore store, RecordValidator validator, Tokens tokens, String base, long maxRequestBytes) {
        this.store = store;
        this.validator = validator;
        this.tokens = tokens;
        this.base = base;
        this.maxRequestBytes = maxRequestBytes;
    }

    RecordStore store() {
        return store;
    }

    String base() {
        return base;
    }

    /**
     * The token of the {@code Authorization: Bearer} header.
     *
     * @throws ApiException 401 with {@code WWW-Authenticate: Bearer} when there is none or it is not
     *     a configured token
     */
    Token authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized(
                    "Writes need a bearer token: send Authorization: Bearer <token>."
                            + (tokens.isEmpty() ? " This node has no write tokens configured." : ""),
                    false);
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw ApiException.unauthorized(
                    "Writes need a bearer token: send Authorization: Bearer <token> (no other scheme).", false);
        }
        Optional<Token> token = tokens.authenticate(trimmed.substring(space + 1).trim());
        return token.orElseThrow(() -> ApiException.unauthorized("The bearer token is not one this node knows.", true));
    }

    /**
     * Reads and parses the request body with {@code baseIri} as its base (so {@code <>} is that IRI).
     * The body is read to at most the node's limit, whatever the {@code Content-Length} says (a
     * chunked body has none). JSON-LD may name our context by its canonical IRI or by the node's
     * own URL ({@code {base}ns/context.jsonld}), what the node's answers name.
     *
     * @return the statements, without graph names
     * @throws ApiException 415 for a missing or unsupported {@code Content-Type}, 413 for a body over
     *     the limit, 400 for an empty or malformed body (with {@code line} and {@code column} when the
     *     parser knows them) and for RDF/XML with a DOCTYPE or entities
     */
    Model readBody(Context ctx, String baseIri) {
        String contentType = ctx.header("Content-Type");
        RecordFormat format = RecordFormat.forMediaType(contentType)
                .orElseThrow(() -> ApiException.unsupportedMediaType(contentType, READABLE));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw ApiException.tooLarge(maxRequestBytes);
        }
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            throw ApiException.badRequest("Empty body", "The request body is empty; send the records.", Map.of());
        }
        Model parsed;
        try {
            parsed = RecordReader.read(body, format, baseIri, JsonLdAnswer.contextOf(base));
        } catch (RecordParseException e) {
            Map<String, Object> where = new LinkedHashMap<>();
            if (e.offset() >= 0) {
                where.put("offset", e.offset());
            }
            if (e.line() >= 1) {
                where.put("line", e.line());
            }
            if (e.column() >= 1) {
                where.put("column", e.column());
            }
            throw ApiException.badRequest("Malformed RDF", e.getMessage(), where);
        }
        Model statements = new LinkedHashModel(parsed.size());
        for (Statement st : parsed) {
            statements.add(st.getSubject(), st.getPredicate(), st.getObject());
        }
        return statements;
    }

    /**
     * Runs the admission pipeline over the records of a request: record IRIs (400), the token's
     * scope (403), ownership (403: a token only overwrites what it published itself), validation
     * against the shapes of the records that changed (422). The request is refused at the first gate that rejects any record,
     * with every record that gate refused; nothing is stored then.
     *
     * @throws ApiException as above
     */
    void admit(Token token, Batch batch) {
        int count = batch.records().size();
        Admission admission = Admission.of(
                Gates.recordIris(),
                Gates.mintedTypes(base),
                Gates.terms(),
                scopeGate(token),
                Gates.ownership(store, graphOf(token)),
                Gates.validation(validator, store, graphOf(token)));
        admission.admitOrStop(batch);
        if (batch.clean()) {
            return;
        }
        String gate = batch.rejections().get(0).gate();
        List<Rejection> refused =
                batch.rejections().stream().filter(r -> r.gate().equals(gate)).toList();
        switch (gate) {
            case Gates.IRI -> throw ApiException.badRequest(
                    "Not a record", refused.get(0).reason(), Map.of());
            case Gates.TERMS -> throw ApiException.badRequest(
                    "Literal refused",
                    refused.get(0).reason() + "; nothing was stored.",
                    Map.of("record", refused.get(0).iri().stringValue()));
            case SCOPE -> throw scopeRefusal(token, refused);
            case Gates.OWNERSHIP -> {
                IRI iri = refused.get(0).iri();
                throw Gates.heldElsewhere(store, graphOf(token), iri)
                        .map(holder -> ownershipRefusal(token, iri, holder))
                        .orElseGet(() -> ApiException.forbidden(
                                "Token '" + token.name() + "' may not overwrite or delete <" + iri + ">: "
                                        + refused.get(0).reason() + ".",
                                Map.of(
                                        "record",
                                        iri.stringValue(),
                                        "reason",
                                        refused.get(0).reason())));
            }
            case Gates.VALIDATION -> {
                List<Violation> violations = new ArrayList<>();
                Set<ValidationReport> seen = new java.util.LinkedHashSet<>();
                refused.forEach(r -> {
                    if (seen.add(r.report())) {
                        violations.addAll(r.report().violations());
                    }
                });
                ValidationReport report = ValidationReport.of(violations);
                throw ApiException.invalid(
                        (count == 1 ? "The record breaks " : "Records of the request break ")
                                + report.violations().size() + " rule(s) of the shapes; nothing was stored.",
                        report);
            }
            default -> throw new IllegalStateException("Unknown gate " + gate);
        }
    }

    private static final String SCOPE = "scope";

    /**
     * Checks that the token may delete records with these facts (a delete has no body to admit).
     *
     * @throws ApiException 403 as the scope gate would answer
     */
    void checkScope(Token token, List<RecordFacts> records) {
        List<Rejection> refused = new ArrayList<>();
        for (RecordFacts record : records) {
            token.scope().refusal(record).ifPresent(why -> refused.add(new Rejection(record.iri(), SCOPE, why, null)));
        }
        if (!refused.isEmpty()) {
            throw scopeRefusal(token, refused);
        }
    }

    /** The token's scope as a gate of the pipeline. */
    private static Gate scopeGate(Token token) {
        return Gate.of(SCOPE, batch -> {
            for (Map.Entry<IRI, Model> r : List.copyOf(batch.records().entrySet())) {
                token.scope()
                        .refusal(RecordFacts.of(r.getValue(), r.getKey()))
                        .ifPresent(why -> batch.reject(r.getKey(), SCOPE, why));
            }
        });
    }

    private static ApiException scopeRefusal(Token token, List<Rejection> refused) {
        String first = "Token '" + token.name() + "' may not write <"
                + refused.get(0).iri() + ">: " + refused.get(0).reason() + ".";
        List<Map<String, Object>> records = new ArrayList<>();
        refused.forEach(r -> records.add(Map.of("id", r.iri().stringValue(), "reason", r.reason())));
        String detail = refused.size() == 1
                ? first
                : first + " (" + refused.size() + " records of the request are outside its scope.)";
        return ApiException.forbidden(
                detail,
                Map.of(
                        "record",
                        records.get(0).get("id"),
                        "reason",
                        records.get(0).get("reason"),
                        "records",
                        records));
    }

    private static ApiException ownershipRefusal(Token token, IRI iri, IRI holder) {
        return ApiException.forbidden(
                "Token '" + token.name() + "' may not overwrite or delete <" + iri + ">: this node holds it" + " in <"
                        + holder + ">, not among the token's own records.",
                Map.of("record", iri.stringValue(), "reason", "held in " + holder));
    }

    /**
     * Attributes the records to the token ({@code prov:wasAttributedTo <{base}agents/{name}>},
     * replacing any attribution in the body) and writes them atomically into the token's graph
     * {@code {base}graphs/publishers/{name}}.
     */
    /** The named graph of the records a token publishes: {@code {base}graphs/publishers/{name}}. */
    IRI graphOf(Token token) {
        return RecordStore.publisherGraph(base, token.name());
    }

    /**
     * A token may only overwrite or delete records it published itself: a record this node holds in
     * another graph (its own records, another publisher's, a harvested source's) is refused.
     *
     * @throws ApiException 403 naming the first such record
     */
    void checkOwnership(Token token, Collection<IRI> iris) {
        for (IRI iri : iris) {
            Optional<IRI> holder = Gates.heldElsewhere(store, graphOf(token), iri);
            if (holder.isPresent()) {
                throw ownershipRefusal(token, iri, holder.get());
            }
        }
    }

    WriteResult store(Batch batch, Token token) {
        IRI agent = Values.iri(base + "agents/" + token.name());
        Model all = new LinkedHashModel();
        for (Map.Entry<IRI, Model> record : batch.records().entrySet()) {
            Model model = record.getValue();
            model.remove(record.getKey(), PROV.WAS_ATTRIBUTED_TO, null);
            model.add(record.getKey(), PROV.WAS_ATTRIBUTED_TO, agent);
            all.addAll(model);
        }
        try {
            // All or nothing: a record another writer took since the ownership gate (two tokens creating
            // one new IRI at the same moment) refuses the whole request, as the gate would have.
            return store.write(new WriteRequest(
                    graphOf(token),
                    all,
                    Set.of(),
                    true,
                    Map.of(),
                    new LinkedHashModel(),
                    WriteRequest.OnConflict.REFUSE));
        } catch (RecordConflictException e) {
            throw ownershipRefusal(token, e.record(), e.holder());
        } catch (InvalidRecordException e) {
            throw ApiException.badRequest("Not a record", e.getMessage(), Map.of());
        }
    }

    private byte[] readLimited(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            InputStream in = ctx.bodyInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxRequestBytes) {
                    throw ApiException.tooLarge(maxRequestBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest(
                    "Unreadable body", "The request body could not be read: " + e.getMessage(), Map.of());
        }
        return out.toByteArray();
    }
}
