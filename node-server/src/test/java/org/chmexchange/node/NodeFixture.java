package org.chmexchange.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real node on a free port with a temporary data folder, and an HTTP client to talk to it. */
public final class NodeFixture {

    public static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The client of the API tests; every answer it receives is checked against the OpenAPI document
     * ({@link org.chmexchange.node.http.OpenApiAnswers}): one that does not match fails the call.
     */
    public static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .addInterceptor(org.chmexchange.node.http.OpenApiAnswers.INTERCEPTOR)
            .build();

    private NodeFixture() {}

    /** A response read completely. */
    public record Reply(int status, String contentType, String body, Response raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.header(name);
        }
    }

    public static Reply get(String url, String accept) {
        Request.Builder request = new Request.Builder().url(url);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return call(request.build());
    }

    public static Reply post(String url, String contentType, String body) {
        return call(new Request.Builder()
                .url(url)
                .post(RequestBody.create(body, MediaType.get(contentType)))
                .build());
    }

    public static Reply call(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            String body = response.body().string();
            return new Reply(response.code(), response.header("Content-Type"), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException("Request failed: " + request, e);
        }
    }
}
