package org.chmexchange.http;

import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Wraps a response body so that an {@link IOException} while the caller reads it (a connection
 * reset, a truncated or malformed chunk, a read timeout) names the request and how far the read got.
 * The exception keeps its type for timeouts and interrupts (see {@link RetryInterceptor#withContext}).
 */
final class ContextBody {

    private ContextBody() {}

    /** @return a response like {@code response} whose body adds context to read errors */
    static Response wrap(Response response) {
        ResponseBody body = response.body();
        String what = response.request().method() + " "
                + Urls.forLog(response.request().url());
        ForwardingSource source = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                try {
                    long n = super.read(sink, byteCount);
                    if (n > 0) {
                        read += n;
                    }
                    return n;
                } catch (IOException e) {
                    throw RetryInterceptor.withContext(
                            e,
                            "Reading the body of " + what + " (HTTP " + response.code() + ") failed after " + read
                                    + " bytes: " + RetryInterceptor.describe(e));
                }
            }
        };
        ResponseBody wrapped = ResponseBody.create(Okio.buffer(source), body.contentType(), body.contentLength());
        return response.newBuilder().body(wrapped).build();
    }
}
