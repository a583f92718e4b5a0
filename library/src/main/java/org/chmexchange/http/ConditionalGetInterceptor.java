package org.chmexchange.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes a {@code GET} or {@code HEAD} tagged with {@link Validators} conditional: adds {@code
 * If-None-Match} (the ETag) and {@code If-Modified-Since} (the Last-Modified date), each unless the
 * caller set it. The client has no cache, so a {@code 304 Not Modified} reaches the caller as is
 * (see {@link Validators#notModified}); it is not an error and is never retried. Stateless and
 * thread-safe.
 */
final class ConditionalGetInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Validators validators = request.tag(Validators.class);
        if (validators == null
                || validators.isEmpty()
                || !request.method().equals("GET") && !request.method().equals("HEAD")) {
            return chain.proceed(request);
        }
        Request.Builder builder = request.newBuilder();
        if (validators.etag() != null && request.header("If-None-Match") == null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null && request.header("If-Modified-Since") == null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        return chain.proceed(builder.build());
    }
}
