package org.chmexchange.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Builds the one outbound HTTP client of the project and checks its responses.
 *
 * <pre>{@code
 * OkHttpClient http = HttpClients.create(HttpSettings.builder()
 *         .bearerToken("https://central.example.org", () -> System.getenv("CENTRAL_READ_TOKEN"))
 *         .build());
 * try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
 *     HttpClients.requireSuccess(response);
 *     ... response.body().byteStream() ...
 * } catch (IOException e) {
 *     throw new ChmException("Harvest of " + url + " failed", e); // e names the request and attempts
 * } finally {
 *     // at application shutdown, by whoever called create(...):
 *     HttpClients.shutdown(http);
 * }
 * }</pre>
 *
 * <p>Interceptors, outermost first (each is described in its own class and in docs/HTTP.md):
 *
 * <ol>
 *   <li>user agent: every request names the project and its version;
 *   <li>conditional GET: {@link Validators} tags become {@code If-None-Match}/{@code If-Modified-Since}
 *       (outside the retry loop, so every attempt is conditional);
 *   <li>retry: 408/429/5xx and transient I/O failures, backoff with jitter, {@code Retry-After};
 *   <li>rate limit (only when {@link HttpSettings#minRequestInterval()} is positive): inside the retry
 *       loop, so retries are spaced per host like any other request;
 *   <li>logging at DEBUG: innermost, one line per attempt with its status and time;
 *   <li>bearer token (network interceptor, only when tokens are configured): per hop, so a redirect
 *       never carries a host's token to another host.
 * </ol>
 *
 * <p>Thread-safety and lifecycle: the returned {@link OkHttpClient} is thread-safe and meant to be
 * shared by every harvester and publisher of a process: it holds a connection pool and a dispatcher
 * thread pool. The code that called {@link #create} owns it and calls {@link #shutdown} once, when
 * the process or node stops; harvesters and publishers that receive it never shut it down. Variants
 * (other timeouts for one call) come from {@code client.newBuilder()}, which shares the pools.
 */
public final class HttpClients {

    /** The most characters of a response body kept in a {@link HttpStatusException}: {@value}. */
    public static final int EXCERPT_CHARS = 300;

    private static final long EXCERPT_BYTES = 4 * EXCERPT_CHARS;

    private HttpClients() {}

    /** @return a new client with {@link HttpSettings#defaults()} */
    public static OkHttpClient create() {
        return create(HttpSettings.defaults());
    }

    /**
     * @param settings the settings; not null
     * @return a new client with its own connection pool and dispatcher; follows redirects (up to 20,
     *     OkHttp's limit), keeps no cache (so 304 reaches the caller)
     */
    public static OkHttpClient create(HttpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(true)
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .addInterceptor(new ConditionalGetInterceptor())
                .addInterceptor(new RetryInterceptor(settings));
        if (!settings.minRequestInterval().isZero()) {
            builder.addInterceptor(new RateLimitInterceptor(settings.minRequestInterval(), settings.clock()));
        }
        builder.addInterceptor(new LoggingInterceptor());
        if (!settings.bearerTokens().isEmpty()) {
            builder.addNetworkInterceptor(new BearerAuthInterceptor(settings.bearerTokens()));
        }
        return builder.build();
    }

    /**
     * Returns {@code response} if its status is 2xx; otherwise reads the start of its body, closes it
     * and throws. A {@code 304 Not Modified} is not 2xx: check {@link Validators#notModified} first.
     *
     * @param response a response; not null
     * @return the same response, open, for the caller to read and close
     * @throws HttpStatusException for any other status, with the status, the request and up to {@value
     *     #EXCERPT_CHARS} characters of the body
     */
    public static Response requireSuccess(Response response) {
        if (response.isSuccessful()) {
            return response;
        }
        try (response) {
            throw new HttpStatusException(
                    response.code(),
                    response.request().method(),
                    Urls.forLog(response.request().url()),
                    excerpt(response));
        }
    }

    /**
     * Releases the client's threads and connections: shuts the dispatcher's executor down (calls
     * already running finish), evicts pooled connections and closes a cache if one was added. Call once,
     * from the owner of the client, when it is no longer used.
     *
     * @param client a client built by {@link #create}; not null
     * @throws java.io.UncheckedIOException if a configured cache cannot be closed
     */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        Cache cache = client.cache();
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the HTTP cache", e);
            }
        }
    }

    /**
     * @return the start of the body as UTF-8 text with whitespace collapsed, or a note why it could not
     *     be read (a broken connection, a body the caller already consumed)
     */
    static String excerpt(Response response) {
        String text;
        try {
            text = new String(response.peekBody(EXCERPT_BYTES).bytes(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the caller already consumed or closed the body
            return "(body unavailable: " + RetryInterceptor.describe(e) + ")";
        }
        text = text.replace('\uFFFD', '?').replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }
}
