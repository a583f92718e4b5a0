package org.chmexchange.http;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets {@code User-Agent} on every request that has none (without it OkHttp would send {@code
 * okhttp/<version>}). Stateless and thread-safe.
 */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    /** @param userAgent the header value; not null (validated by {@link HttpSettings}) */
    UserAgentInterceptor(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().header("User-Agent") != null) {
            return chain.proceed(chain.request());
        }
        return chain.proceed(
                chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
