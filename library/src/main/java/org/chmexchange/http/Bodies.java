package org.chmexchange.http;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads response bodies with a size limit, the one rule every harvester that buffers a response uses
 * (an answer larger than the limit is refused before it fills the heap). Stateless and thread-safe.
 */
public final class Bodies {

    private Bodies() {}

    /**
     * The whole body, if it has at most {@code maxBytes} bytes.
     *
     * @param body the body; read but not closed (the caller closes the response)
     * @param maxBytes the most bytes read, at least 0
     * @return the bytes, or null when the body is longer than {@code maxBytes} (then at most {@code
     *     maxBytes + 1} bytes were read)
     * @throws IOException if reading fails
     */
    public static byte[] bounded(ResponseBody body, long maxBytes) throws IOException {
        BufferedSource in = body.source();
        if (in.request(maxBytes + 1)) {
            return null;
        }
        return in.readByteArray();
    }
}
