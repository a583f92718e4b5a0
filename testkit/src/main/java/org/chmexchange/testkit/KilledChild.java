package org.chmexchange.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash harness of the contract tests: runs a main class in a child JVM (the caller's class
 * path) and kills it with SIGKILL ({@link Process#destroyForcibly()} on Linux) a given time after it
 * says it is ready. The child prints a line starting with {@code READY} once it has opened its
 * store (optionally followed by a number, the position it starts from) and {@code ACK i} after each
 * acknowledged write; every other line is kept.
 *
 * <p>Thread-safety: each call is independent. The child's standard error is appended to a log file.
 */
public final class KilledChild {

    /**
     * What the child said before it died.
     *
     * @param ready the number after {@code READY}, 0 if none
     * @param acknowledged the last {@code ACK} number, or {@code ready} if none
     * @param lines every line it printed, in order
     */
    public record Outcome(long ready, long acknowledged, List<String> lines) {}

    private KilledChild() {}

    /**
     * Runs {@code main} with {@code args} and kills it {@code killAfterMs} milliseconds after its
     * {@code READY} line (or {@code readyPrefix} line).
     *
     * @throws IllegalStateException if the child does not say it is ready within 60 s, or survives
     *     SIGKILL
     */
    public static Outcome runAndKill(Class<?> main, int killAfterMs, Path log, String... args) {
        return runAndKill(main, "READY", killAfterMs, log, args);
    }

    /** As {@link #runAndKill(Class, int, Path, String...)}, ready at the first line starting with {@code readyPrefix}. */
    public static Outcome runAndKill(Class<?> main, String readyPrefix, int killAfterMs, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicLong ready = new AtomicLong(-1);
        AtomicLong acked = new AtomicLong(-1);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.startsWith(readyPrefix) && started.getCount() > 0) {
                        String rest = line.substring(readyPrefix.length()).trim();
                        ready.set(rest.matches("\\d+") ? Long.parseLong(rest) : 0);
                        acked.set(ready.get());
                        started.countDown();
                    } else if (line.startsWith("ACK ")) {
                        acked.set(Long.parseLong(line.substring(4).trim()));
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child is killed: what was read counts
            }
        });
        reader.start();
        try {
            if (!started.await(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("The child " + main.getSimpleName() + " did not start; see " + log);
            }
            Thread.sleep(killAfterMs);
            p.destroyForcibly();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The child survived SIGKILL");
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
        return new Outcome(ready.get(), acked.get(), List.copyOf(lines));
    }
}
