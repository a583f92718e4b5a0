package org.chmexchange.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks an answer of the node against {@code openapi.yaml}: its status is declared for the
 * operation, its media type for the status, and a JSON body matches the declared schema (JSON
 * Schema 2020-12, networknt's validator). As an OkHttp {@link #INTERCEPTOR}, on the test client of
 * every API test ({@code NodeFixture.HTTP}): an answer that does not match fails the call with an
 * {@link IOException} naming what. Requests outside the document (HEAD, OPTIONS, methods and
 * paths it does not describe, such as a 405 or a 404 for an unknown address) are not checked.
 */
public final class OpenApiAnswers {

    private static final JsonNode DOC = OpenApiHandler.document();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final long MAX_BODY = 64L * 1024 * 1024;

    /** Checks every answer it sees; see the class comment. */
    public static final Interceptor INTERCEPTOR = chain -> {
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (request.method().equals("HEAD") || request.method().equals("OPTIONS")) {
            return response;
        }
        byte[] body = response.peekBody(MAX_BODY).bytes();
        List<String> problems = check(
                request.method(), request.url().encodedPath(), response.code(), response.header("Content-Type"), body);
        if (!problems.isEmpty()) {
            response.close();
            throw new IOException("The answer does not match openapi.yaml: " + problems);
        }
        return response;
    };

    private OpenApiAnswers() {}

    /** The document's path template that {@code path} matches, or null. */
    public static String template(String path) {
        for (Iterator<String> it = DOC.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String regex = java.util.regex.Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                return t;
            }
        }
        return null;
    }

    /**
     * What is wrong with one answer; empty if it matches or the request is outside the document.
     *
     * @param path the URL's path, from {@code /}
     */
    public static List<String> check(String method, String path, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        String what = method + " " + path;
        String template = template(path);
        String m = method.toLowerCase(Locale.ROOT);
        if (template == null || DOC.path("paths").path(template).path(m).isMissingNode()) {
            return problems;
        }
        JsonNode responses = DOC.path("paths").path(template).path(m).path("responses");
        JsonNode raw = responses.path(String.valueOf(status));
        if (raw.isMissingNode()) {
            problems.add(what + ": status " + status + " is not declared");
            return problems;
        }
        String pointer = raw.has("$ref")
                ? raw.get("$ref").asText()
                : "#/paths/" + escape(template) + "/" + m + "/responses/" + status;
        JsonNode response = DOC.at(pointer.substring(1));
        JsonNode content = response.path("content");
        if (body.length == 0 || content.isMissingNode()) {
            return problems;
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (content.path(mediaType).isMissingNode()) {
            List<String> declared = new ArrayList<>();
            content.fieldNames().forEachRemaining(declared::add);
            problems.add(what + ": " + status + " answered " + mediaType + ", declared " + declared);
            return problems;
        }
        if (mediaType.endsWith("json")) {
            String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
            Schema schema = SCHEMAS.computeIfAbsent(schemaPointer, p -> {
                ObjectNode schemaDoc = DOC.deepCopy();
                schemaDoc.put("$ref", p);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(schemaDoc.toString());
            });
            JsonNode answer;
            try {
                answer = JSON.readTree(body);
            } catch (IOException e) {
                problems.add(what + ": " + status + " " + mediaType + " is not JSON: " + e.getMessage());
                return problems;
            }
            List<com.networknt.schema.Error> errors = schema.validate(answer);
            if (!errors.isEmpty()) {
                problems.add(
                        what + ": " + status + " " + mediaType + " does not match " + schemaPointer + ": " + errors);
            }
        }
        return problems;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
