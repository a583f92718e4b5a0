package org.chmexchange.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG on the logger {@code org.chmexchange.http.LoggingInterceptor}: method,
 * URL without credentials or secret query parameters ({@link Urls#forLog}), status and elapsed
 * milliseconds until the response headers (and the final URL after redirects); or the exception. Never logs headers or bodies. Sits
 * innermost among the application interceptors, so each retry is one line. Thread-safe.
 */
final class LoggingInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingInterceptor.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(chain.request());
        }
        Request request = chain.request();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (response.request().url().equals(request.url())) {
                LOG.debug("{} {} -> {} ({} ms)", request.method(), Urls.forLog(request.url()), response.code(), ms);
            } else {
                LOG.debug(
                        "{} {} -> {} from {} ({} ms)",
                        request.method(),
                        Urls.forLog(request.url()),
                        response.code(),
                        Urls.forLog(response.request().url()),
                        ms);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            LOG.debug(
                    "{} {} -> {} ({} ms)",
                    request.method(),
                    Urls.forLog(request.url()),
                    RetryInterceptor.describe(e),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            throw e;
        }
    }
}
