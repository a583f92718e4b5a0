package org.chmexchange.http;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to requests whose origin (scheme, host, port) has a
 * configured token, and to no other origin: not to another port or scheme of the same host.
 *
 * <p>Installed as a <em>network</em> interceptor, so it decides per hop: when OkHttp follows a
 * redirect it builds the next request from the request before the network interceptors (and also
 * removes any {@code Authorization} header on a change of host, port or scheme), so the token of
 * origin A never reaches origin B; a redirect to another configured origin gets that origin's own token.
 * An {@code Authorization} header the caller set itself is left alone. Thread-safe if the token
 * suppliers are.
 */
final class BearerAuthInterceptor implements Interceptor {

    private final Map<String, Supplier<String>> tokens;

    /** @param tokens origin to token supplier, as in {@link HttpSettings#bearerTokens()} */
    BearerAuthInterceptor(Map<String, Supplier<String>> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Supplier<String> supplier = tokens.get(HttpSettings.originOf(request.url()));
        if (supplier == null || request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        String token = supplier.get();
        if (token == null || token.isBlank()) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder()
                .header("Authorization", "Bearer " + token.strip())
                .build());
    }
}
