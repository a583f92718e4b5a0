package org.chmexchange.http;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets one header on every request through the client it is added to, replacing a value the request
 * has: for a header that belongs to a source rather than to a call, such as the CBD API's {@code
 * Realm} (INCUMBENTS.md part A 1.1). Add it to a client derived from the shared one ({@code
 * http.newBuilder().addInterceptor(...)}, which shares its connections and interceptors).
 * Immutable and thread-safe.
 */
public final class HeaderInterceptor implements Interceptor {

    private final String name;
    private final String value;

    /**
     * @param name the header name; not null
     * @param value the header value; not null
     * @throws IllegalArgumentException if the name or value is not valid in an HTTP header
     */
    public HeaderInterceptor(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        new Headers.Builder().add(name, value); // checks both
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header(name, value).build());
    }
}
