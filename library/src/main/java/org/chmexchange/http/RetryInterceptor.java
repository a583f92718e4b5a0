package org.chmexchange.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retryable requests on transient failures, waiting with exponential backoff and jitter or
 * as long as the server's {@code Retry-After} says.
 *
 * <ul>
 *   <li>Retryable requests: {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code PUT}, {@code DELETE},
 *       and any request tagged {@link Idempotent#YES}; never one with a one-shot body.
 *   <li>Retried statuses: 408, 429, 500, 502, 503, 504. The failed response is closed before the
 *       wait. A {@code Retry-After} (delta-seconds or HTTP-date) is honoured exactly; one longer than
 *       {@link HttpSettings#maxRetryAfter()} is not waited for: that response goes back to the caller.
 *   <li>Retried exceptions: connection failures, resets, timeouts, unexpected end of stream. Not
 *       retried: unknown host, TLS certificate failures, HTTP protocol violations, a canceled call or
 *       an interrupted thread.
 *   <li>Backoff before retry {@code n} (1-based): nominal {@code min(maxBackoff, baseBackoff * 2^(n-1))},
 *       of which a uniformly random part between half and all is waited.
 *   <li>After the last attempt the last response is returned (the caller sees its status), or the last
 *       exception is rethrown wrapped with context: "GET &lt;url&gt; failed after 5 attempts: Connection
 *       reset", the earlier failures attached as suppressed.
 * </ul>
 *
 * <p>Every returned body is wrapped so that a failure while the caller reads it names the request
 * ({@link ContextBody}); such failures happen after this interceptor returned and are not retried.
 * Stateless apart from its settings; thread-safe.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

    static final Set<Integer> RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
    static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final int maxRetries;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final HttpClock clock;

    RetryInterceptor(HttpSettings settings) {
        this.maxRetries = settings.maxRetries();
        this.baseBackoff = settings.baseBackoff();
        this.maxBackoff = settings.maxBackoff();
        this.maxRetryAfter = settings.maxRetryAfter();
        this.clock = settings.clock();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String what = request.method() + " " + Urls.forLog(request.url());
        boolean retryable = isRetryable(request);
        int maxAttempts = retryable ? maxRetries + 1 : 1;
        IOException earlier = null;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (earlier != null && earlier != e) {
                    e.addSuppressed(earlier);
                }
                if (chain.call().isCanceled() || !isRetryable(e) || attempt >= maxAttempts) {
                    throw withContext(e, failureMessage(what, attempt, retryable, chain, e));
                }
                earlier = e;
                Duration wait = backoff(attempt);
                LOG.info(
                        "{} failed ({}); retry {} of {} in {} ms",
                        what,
                        describe(e),
                        attempt,
                        maxRetries,
                        wait.toMillis());
                clock.sleep(wait, chain.call());
                continue;
            }
            if (!RETRY_STATUSES.contains(response.code()) || attempt >= maxAttempts) {
                if (attempt > 1 && !response.isSuccessful()) {
                    LOG.info("{} answered HTTP {} at attempt {}; giving up", what, response.code(), attempt);
                }
                return ContextBody.wrap(response);
            }
            Optional<Duration> retryAfter = retryAfter(response, clock.now());
            if (retryAfter.isPresent() && retryAfter.get().compareTo(maxRetryAfter) > 0) {
                LOG.info(
                        "{} answered HTTP {} with Retry-After {} s, more than the {} s honoured; not retried",
                        what,
                        response.code(),
                        retryAfter.get().toSeconds(),
                        maxRetryAfter.toSeconds());
                return ContextBody.wrap(response);
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
            response.close();
            LOG.info(
                    "{} answered HTTP {}; retry {} of {} in {} ms",
                    what,
                    response.code(),
                    attempt,
                    maxRetries,
                    wait.toMillis());
            clock.sleep(wait, chain.call());
        }
    }

    /** @return whether the request may be sent more than once */
    static boolean isRetryable(Request request) {
        if (request.body() != null && request.body().isOneShot()) {
            return false;
        }
        return IDEMPOTENT_METHODS.contains(request.method()) || Idempotent.isMarked(request);
    }

    /** @return whether a repeat of the request may succeed where this attempt failed */
    static boolean isRetryable(IOException e) {
        if (e instanceof UnknownHostException || e instanceof ProtocolException) {
            return false;
        }
        if (e instanceof SSLPeerUnverifiedException
                || e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) {
            return false;
        }
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    /**
     * @param retry the number of the retry about to happen, from 1
     * @return the jittered exponential backoff: between half and all of {@code min(maxBackoff,
     *     baseBackoff * 2^(retry-1))}
     */
    Duration backoff(int retry) {
        Duration nominal = nominalBackoff(retry);
        long half = nominal.toNanos() / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(nominal.toNanos() - half + 1));
    }

    /** @return {@code min(maxBackoff, baseBackoff * 2^(retry-1))} without overflow */
    Duration nominalBackoff(int retry) {
        int shift = Math.min(retry - 1, 30);
        long max = maxBackoff.toNanos();
        long base = baseBackoff.toNanos();
        if (base == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(base > (max >> shift) ? max : Math.min(max, base << shift));
    }

    /**
     * Reads {@code Retry-After} in either form of RFC 9110 section 10.2.3: delta-seconds or an
     * HTTP-date (a date in the past means no wait).
     *
     * @param now the current wall-clock time, for the date form
     * @return the wait the server asks for; empty when there is no such header or it cannot be parsed
     */
    static Optional<Duration> retryAfter(Response response, Instant now) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                // more digits than a long holds: a wait far beyond any cap
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
        }
        Date date = response.headers().getDate("Retry-After");
        if (date == null) {
            LOG.debug(
                    "Ignoring unparseable Retry-After '{}' from {}",
                    v,
                    Urls.forLog(response.request().url()));
            return Optional.empty();
        }
        Duration wait = Duration.between(now, date.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static String failureMessage(String what, int attempt, boolean retryable, Chain chain, IOException e) {
        String cause = describe(e);
        if (chain.call().isCanceled()) {
            return what + " canceled at attempt " + attempt + ": " + cause;
        }
        if (!retryable) {
            return what + " failed (not retried: not idempotent): " + cause;
        }
        if (!isRetryable(e)) {
            return what + " failed at attempt " + attempt + " (not retryable): " + cause;
        }
        return what + " failed after " + attempt + (attempt == 1 ? " attempt: " : " attempts: ") + cause;
    }

    /** @return the exception's message, or its class name when it has none */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Wraps {@code e} with a message that names the request, keeping the type of timeouts and
     * interrupts so that callers can still tell them apart.
     */
    static IOException withContext(IOException e, String message) {
        IOException wrapped;
        if (e instanceof SocketTimeoutException) {
            wrapped = new SocketTimeoutException(message);
        } else if (e instanceof InterruptedIOException) {
            wrapped = new InterruptedIOException(message);
        } else {
            return new IOException(message, e);
        }
        wrapped.initCause(e);
        return wrapped;
    }
}
