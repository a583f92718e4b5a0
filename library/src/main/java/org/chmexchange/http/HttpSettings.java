package org.chmexchange.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Immutable settings of the shared outbound HTTP client built by {@link HttpClients#create(HttpSettings)}.
 * Build with {@link #builder()}; every component has a default.
 *
 * <pre>{@code
 * HttpSettings settings = HttpSettings.builder()
 *         .minRequestInterval(Duration.ofMillis(200))
 *         .bearerToken("https://central.example.org", () -> System.getenv("CENTRAL_READ_TOKEN"))
 *         .build();
 * }</pre>
 *
 * <p>A duration of zero for a timeout means "no timeout" (OkHttp's convention).
 *
 * @param userAgent the {@code User-Agent} of every request; printable ASCII; default {@link
 *     #DEFAULT_USER_AGENT}, {@code chm-exchange/<version> (+https://w3id.org/chm-exchange)}
 * @param connectTimeout timeout to open a TCP/TLS connection; default 10 s
 * @param readTimeout timeout between two reads of the response (headers or body); default 30 s
 * @param writeTimeout timeout between two writes of the request body; default 30 s
 * @param callTimeout limit of a whole call: every retry, every wait and reading the whole body; default
 *     zero (none), because dumps can be large and waits long; per-read timeouts still apply
 * @param maxRetries retries after the first attempt of a retryable request (see {@link Idempotent});
 *     0 to 20; default 4, so at most 5 attempts
 * @param baseBackoff wait before the first retry when the server gives no {@code Retry-After}; doubles
 *     with each retry, with jitter (each wait is between half and all of its nominal value); default
 *     500 ms
 * @param maxBackoff upper bound of the nominal exponential backoff; at least {@code baseBackoff};
 *     default 30 s
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a server asking for a longer wait gets
 *     no retry and its response goes back to the caller; default 120 s
 * @param minRequestInterval politeness: minimum time between the starts of two requests to the same
 *     host, over all threads; zero (the default) for no limit
 * @param bearerTokens per origin ({@link #originOf}: scheme, host and port; a token is never sent to
 *     another scheme or port of the same host): a supplier of the bearer token
 *     sent as {@code Authorization: Bearer <token>} to that origin only; the supplier is asked per
 *     request, may return null or blank for "no token now", and must be thread-safe; default none
 * @param clock the time source for backoff, {@code Retry-After} dates and rate limiting; default
 *     {@link HttpClock#system()}; tests inject a fake
 */
public record HttpSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration baseBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration minRequestInterval,
        Map<String, Supplier<String>> bearerTokens,
        HttpClock clock) {

    /** The library version from the jar's manifest or Maven descriptor; {@code dev} when run from classes. */
    public static final String VERSION = findVersion();

    /** {@code chm-exchange/<version> (+https://w3id.org/chm-exchange)}. */
    public static final String DEFAULT_USER_AGENT = "chm-exchange/" + VERSION + " (+https://w3id.org/chm-exchange)";

    /** The most retries {@link #maxRetries()} accepts. */
    public static final int MAX_RETRIES_LIMIT = 20;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException for a blank or non-ASCII user agent, a negative duration, a
     *     retry count outside 0..20, a {@code maxBackoff} below {@code baseBackoff}, or a blank host
     * @throws NullPointerException for a null component, host or token supplier
     */
    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("User agent must be printable ASCII and not blank: " + userAgent);
        }
        nonNegative(connectTimeout, "connectTimeout");
        nonNegative(readTimeout, "readTimeout");
        nonNegative(writeTimeout, "writeTimeout");
        nonNegative(callTimeout, "callTimeout");
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("maxRetries must be 0 to " + MAX_RETRIES_LIMIT + ": " + maxRetries);
        }
        nonNegative(baseBackoff, "baseBackoff");
        nonNegative(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff " + maxBackoff + " is shorter than baseBackoff " + baseBackoff);
        }
        nonNegative(maxRetryAfter, "maxRetryAfter");
        nonNegative(minRequestInterval, "minRequestInterval");
        Objects.requireNonNull(bearerTokens, "bearerTokens");
        Map<String, Supplier<String>> tokens = new LinkedHashMap<>();
        bearerTokens.forEach((host, token) -> {
            Objects.requireNonNull(host, "bearer token origin");
            Objects.requireNonNull(token, () -> "bearer token supplier for " + host);
            tokens.put(normalizeOrigin(host), token);
        });
        bearerTokens = Map.copyOf(tokens);
        Objects.requireNonNull(clock, "clock");
    }

    /** @return the defaults: equal to {@code builder().build()} */
    public static HttpSettings defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.userAgent = userAgent;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.maxRetries = maxRetries;
        b.baseBackoff = baseBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.minRequestInterval = minRequestInterval;
        b.bearerTokens.putAll(bearerTokens);
        b.clock = clock;
        return b;
    }

    private static void nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }

    /**
     * The origin of a URL (RFC 6454: scheme, host, port), the key of {@link #bearerTokens()}:
     * {@code https://central.example.org:443}, {@code http://localhost:8080}, {@code http://[::1]:80}.
     * The port is always written, the default one included, so two spellings of one origin are one key.
     */
    public static String originOf(HttpUrl url) {
        String host = url.host();
        return url.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + url.port();
    }

    /**
     * The origin a configured token is bound to, from {@code https://central.example.org} or
     * {@code http://localhost:8080} (a trailing {@code /} is allowed), normalised by {@link #originOf}.
     *
     * @throws IllegalArgumentException if it is not an http(s) origin: a bare host name, a path, a
     *     query or user info
     */
    static String normalizeOrigin(String origin) {
        HttpUrl url = HttpUrl.parse(origin.strip());
        if (url == null
                || !url.encodedPath().equals("/")
                || url.query() != null
                || url.fragment() != null
                || !url.username().isEmpty()) {
            throw new IllegalArgumentException("A bearer token is bound to an origin (scheme, host and optional port,"
                    + " such as https://central.example.org or http://localhost:8080), not '" + origin + "'");
        }
        return originOf(url);
    }

    private static String findVersion() {
        String version = HttpSettings.class.getPackage().getImplementationVersion();
        if (version != null && !version.isBlank()) {
            return version;
        }
        try (InputStream in =
                HttpSettings.class.getResourceAsStream("/META-INF/maven/org.chmexchange/chm-library/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the library's Maven descriptor", e);
        }
        return "dev";
    }

    /** Mutable builder of {@link HttpSettings}; not thread-safe; starts with the defaults. */
    public static final class Builder {
        private String userAgent = DEFAULT_USER_AGENT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ZERO;
        private int maxRetries = 4;
        private Duration baseBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(120);
        private Duration minRequestInterval = Duration.ZERO;
        private final Map<String, Supplier<String>> bearerTokens = new LinkedHashMap<>();
        private HttpClock clock = HttpClock.system();

        private Builder() {}

        /** Sets {@link HttpSettings#userAgent()}; returns this builder. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Sets {@link HttpSettings#connectTimeout()}; returns this builder. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets {@link HttpSettings#readTimeout()}; returns this builder. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Sets {@link HttpSettings#writeTimeout()}; returns this builder. */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /** Sets {@link HttpSettings#callTimeout()}; returns this builder. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Sets {@link HttpSettings#maxRetries()}; returns this builder. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets {@link HttpSettings#baseBackoff()}; returns this builder. */
        public Builder baseBackoff(Duration baseBackoff) {
            this.baseBackoff = baseBackoff;
            return this;
        }

        /** Sets {@link HttpSettings#maxBackoff()}; returns this builder. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Sets {@link HttpSettings#maxRetryAfter()}; returns this builder. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** Sets {@link HttpSettings#minRequestInterval()}; returns this builder. */
        public Builder minRequestInterval(Duration minRequestInterval) {
            this.minRequestInterval = minRequestInterval;
            return this;
        }

        /**
         * Adds or replaces the bearer token of one origin.
         *
         * @param origin scheme, host and optional port, such as {@code https://central.example.org}
         *     or {@code http://localhost:8080}; no path
         * @throws IllegalArgumentException if {@code origin} is not an origin
         * @param token asked per request; may return null or blank for "no token"; thread-safe
         * @return this builder
         * @see HttpSettings#bearerTokens()
         */
        public Builder bearerToken(String origin, Supplier<String> token) {
            bearerTokens.put(normalizeOrigin(origin), Objects.requireNonNull(token, "token"));
            return this;
        }

        /** Sets {@link HttpSettings#clock()}; returns this builder. */
        public Builder clock(HttpClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a value is out of range (see the record components)
         */
        public HttpSettings build() {
            return new HttpSettings(
                    userAgent,
                    connectTimeout,
                    readTimeout,
                    writeTimeout,
                    callTimeout,
                    maxRetries,
                    baseBackoff,
                    maxBackoff,
                    maxRetryAfter,
                    minRequestInterval,
                    bearerTokens,
                    clock);
        }
    }
}
