package org.chmexchange.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Call;

/**
 * The time source of the HTTP client: a monotonic clock for spacing requests, a wall clock for
 * {@code Retry-After} dates, and the only place where the client waits. Tests inject a fake that
 * records the requested waits instead of sleeping.
 *
 * <p>Implementations must be thread-safe: one client serves many threads.
 */
public interface HttpClock {

    /** @return a monotonic time in nanoseconds, only meaningful as a difference (like {@link System#nanoTime()}) */
    long nanoTime();

    /** @return the current wall-clock time; used to turn an HTTP-date {@code Retry-After} into a wait */
    Instant now();

    /**
     * Waits for {@code duration}, ending early with an exception when {@code call} is canceled (for
     * example by its call timeout) or the thread is interrupted.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @param call the call on whose behalf the wait happens; not null
     * @throws InterruptedIOException when the call is canceled or the thread interrupted (the
     *     interrupt flag is restored)
     */
    void sleep(Duration duration, Call call) throws InterruptedIOException;

    /** @return the system clock: {@link System#nanoTime()}, {@link Instant#now()} and real sleeps */
    static HttpClock system() {
        return SystemHttpClock.INSTANCE;
    }
}
