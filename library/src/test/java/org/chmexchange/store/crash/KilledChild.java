package org.chmexchange.store.crash;

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
 * Runs a main class in a child JVM (this test's class path) that prints {@code READY n} once it has
 * opened its store and {@code ACK i} after each acknowledged write, and kills it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) a given time after it is ready.
 */
final class KilledChild {

    /** What the child said before it died. */
    record Outcome(long ready, long acknowledged, String stderrTail) {}

    private KilledChild() {}

    static Outcome runAndKill(Class<?> main, int killAfterMs, Path log, String... args) {
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
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("READY ")) {
                        ready.set(Long.parseLong(line.substring(6).trim()));
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
        return new Outcome(ready.get(), acked.get(), "");
    }
}
