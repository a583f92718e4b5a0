package org.chmexchange.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;

/** A clock that does not sleep: each wait is recorded and advances the time instantly. Thread-safe. */
final class FakeClock implements HttpClock {

    /** A whole second, so that HTTP-dates (second precision) derived from it are exact. */
    static final Instant START = Instant.parse("2026-11-21T07:00:00Z");

    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return START.plusNanos(nanos);
    }

    @Override
    public synchronized void sleep(Duration duration, Call call) {
        sleeps.add(duration);
        nanos += Math.max(0, duration.toNanos());
    }

    /** @return the waits requested so far, in order */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
