package org.chmexchange.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Politeness: at least a minimum interval between the starts of two requests to the same host,
 * over all threads of the client. Each request reserves the next free slot of its host atomically
 * and then waits for it through the {@link HttpClock}, so concurrent callers queue fairly instead
 * of sleeping and racing. Sits inside the retry interceptor, so every retry is spaced too.
 * Redirect hops within one call are not spaced. Thread-safe.
 */
final class RateLimitInterceptor implements Interceptor {

    private final long intervalNanos;
    private final HttpClock clock;
    /** Host name to the monotonic time (nanos) from which its next request may start. */
    private final ConcurrentHashMap<String, Long> nextFree = new ConcurrentHashMap<>();

    /**
     * @param interval the minimum interval per host; positive
     * @param clock the time source; not null
     */
    RateLimitInterceptor(Duration interval, HttpClock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Rate limit interval must be positive: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Duration wait = reserve(chain.request().url().host());
        if (!wait.isZero()) {
            clock.sleep(wait, chain.call());
        }
        return chain.proceed(chain.request());
    }

    /**
     * Reserves the next slot of {@code host}.
     *
     * @return how long the caller must wait for its slot; zero when it may start now
     */
    Duration reserve(String host) {
        long now = clock.nanoTime();
        long[] start = new long[1];
        nextFree.compute(host, (h, free) -> {
            start[0] = free == null || free - now < 0 ? now : free;
            return start[0] + intervalNanos;
        });
        return Duration.ofNanos(start[0] - now);
    }
}
