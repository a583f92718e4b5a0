package org.chmexchange.publish.cbd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.chmexchange.cbd.CbdMappingException;
import org.chmexchange.cbd.CbdWriter;
import org.chmexchange.http.Idempotent;
import org.chmexchange.publish.PublishChannel;
import org.chmexchange.publish.PublishTarget;
import org.chmexchange.publish.Refusal;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordMappingException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * Submits one record as a draft through the CBD's v2023 combined API (INCUMBENTS.md part A 1.4): the
 * document of {@link CbdWriter} in {@code {document, additionalInfo}}; {@code POST
 * /api/v2023/documents/schemas/{schema}/{identifier}?realm=} for a record the CBD does not have
 * ({@code HEAD /api/v2013/documents/{identifier}} answers 404), {@code PUT} on the same path for one it
 * has. A {@code POST} refused because the identifier exists (a draft already submitted) is sent again
 * as {@code PUT}.
 *
 * <p>Answers as data: 2xx with {@code {draft: {header: {identifier}}}} is accepted; 2xx or 400 with
 * {@code {identifier, errors: [{code, property}]}} (validation), any other 400 (realm, schema,
 * identifier, lock) and 403 (rights) are refusals, kept as dead letters with the answer; anything else
 * stops the run. A deletion has no request in the v2023 API: it is refused with status 501 and stays a
 * dead letter for the operator to withdraw the record at the CBD.
 */
final class CbdPublishChannel implements PublishChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String realm;
    private final CbdWriter writer;

    CbdPublishChannel(OkHttpClient http, String realm, CbdWriter writer) {
        this.http = http;
        this.realm = realm;
        this.writer = writer;
    }

    /** National reports, NBSAPs, national targets and contacts (focal points, organisations). */
    @Override
    public boolean accepts(IRI record, Model statements) {
        try {
            return CbdWriter.writes(RecordMapper.fromRdf(statements, record));
        } catch (RecordMappingException e) {
            return true; // not readable as a record: the upsert refuses it with the reason
        }
    }

    @Override
    public Refusal upsert(PublishTarget target, IRI record, Model statements) {
        CbdWriter.CbdDocument doc;
        try {
            doc = writer.write(statements, record);
        } catch (CbdMappingException | RecordMappingException e) {
            return new Refusal(422, "Not sent: " + e.getMessage());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("document", doc.document());
        body.put("additionalInfo", "Submitted by CHM Exchange from " + record.stringValue());
        HttpUrl api = HttpUrl.get(target.base());
        HttpUrl url = api.newBuilder()
                .addPathSegments("api/v2023/documents/schemas")
                .addPathSegment(doc.schema())
                .addPathSegment(doc.identifier())
                .addQueryParameter("realm", realm)
                .build();
        boolean exists = exists(target, api, doc.identifier());
        Answer answer = send(target, url, exists ? "PUT" : "POST", body);
        if (!exists
                && answer.status() == 400
                && answer.text().toLowerCase(java.util.Locale.ROOT).contains("exist")) {
            answer = send(target, url, "PUT", body); // a draft submitted before: update it
        }
        return answer.refusal();
    }

    @Override
    public Refusal delete(PublishTarget target, IRI record) {
        return new Refusal(
                501,
                "Not sent: the CBD's v2023 API has no request to withdraw a submission (INCUMBENTS.md part A 1.4);"
                        + " withdraw " + record.stringValue() + " at the CBD clearing-house");
    }

    private boolean exists(PublishTarget target, HttpUrl api, String identifier) {
        HttpUrl url = api.newBuilder()
                .addPathSegments("api/v2013/documents")
                .addPathSegment(identifier)
                .build();
        Request request = new Request.Builder().url(url).head().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 404) {
                return false;
            }
            if (response.isSuccessful()) {
                return true;
            }
            throw new ChmException("Publishing to " + target.name() + ": HEAD " + url + " answered " + response.code());
        } catch (IOException e) {
            throw new ChmException(
                    "Publishing to " + target.name() + ": HEAD " + url + " failed: " + e.getMessage(), e);
        }
    }

    private Answer send(PublishTarget target, HttpUrl url, String method, ObjectNode body) {
        Request.Builder builder = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .method(method, RequestBody.create(body.toString(), JSON_TYPE));
        // PUT is idempotent (RFC 9110 section 9.2.2); a POST is not retried by the client
        Request request = method.equals("PUT") ? Idempotent.mark(builder).build() : builder.build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            int status = response.code();
            if (response.isSuccessful()) {
                JsonNode json = parse(text);
                if (json != null
                        && json.path("errors").isArray()
                        && !json.path("errors").isEmpty()) {
                    return new Answer(status, text, new Refusal(status, text));
                }
                return new Answer(status, text, null);
            }
            if (status == 400 || status == 403) {
                return new Answer(status, text, new Refusal(status, text));
            }
            throw new ChmException("Publishing to " + target.name() + ": " + method + " " + url + " answered " + status
                    + ": " + (text.length() > 300 ? text.substring(0, 300) : text));
        } catch (IOException e) {
            throw new ChmException(
                    "Publishing to " + target.name() + ": " + method + " " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** One answer: its status and text, and the refusal it is (null when accepted). */
    private record Answer(int status, String text, Refusal refusal) {}
}
