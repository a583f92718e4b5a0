package org.chmexchange.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/** Real time; waits in slices of at most 100 ms so that a canceled call stops waiting promptly. */
enum SystemHttpClock implements HttpClock {
    INSTANCE;

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration, Call call) throws InterruptedIOException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (true) {
            if (call.isCanceled()) {
                throw new InterruptedIOException("Canceled while waiting " + duration.toMillis() + " ms before "
                        + call.request().method() + " "
                        + Urls.forLog(call.request().url()));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException wrapped = new InterruptedIOException("Interrupted while waiting "
                        + duration.toMillis() + " ms before " + call.request().method() + " "
                        + Urls.forLog(call.request().url()));
                wrapped.initCause(e);
                throw wrapped;
            }
        }
    }
}
