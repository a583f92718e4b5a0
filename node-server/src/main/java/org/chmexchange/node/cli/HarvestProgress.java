package org.chmexchange.node.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.validation.ValidationReport;
import org.eclipse.rdf4j.model.IRI;

/**
 * Shows a harvest as it goes: a progress bar of pages on a terminal with the records created
 * ({@code new}), updated, deleted and rejected so far ({@link #bar}), or one line per page and per
 * rejected record ({@link #lines}). Called on the harvesting thread; {@link #close()} ends the bar
 * (a no-op for lines). Not thread-safe: one run at a time.
 */
abstract class HarvestProgress implements HarvestListener, AutoCloseable {

    /** One line per committed page and per rejected record, on {@code out}. */
    static HarvestProgress lines(PrintWriter out) {
        return new Lines(out);
    }

    /**
     * A progress bar of pages on {@code terminal}, with the run's counts beside it.
     *
     * @param task the name shown before the bar
     */
    static HarvestProgress bar(PrintStream terminal, String task) {
        return new Bar(terminal, task);
    }

    /** What the counts so far say, in short. */
    static String counts(HarvestCounts c) {
        return c.created() + " created, " + c.updated() + " updated, " + c.deleted() + " deleted, " + c.rejected()
                + " rejected";
    }

    @Override
    public abstract void close();

    private static final class Lines extends HarvestProgress {
        private final PrintWriter out;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void pageCommitted(HarvestSource source, HarvestCounts page, HarvestCounts total) {
            out.println("page " + total.pages() + ": " + page.created() + " created, " + page.updated() + " updated, "
                    + page.unchanged() + " unchanged, " + page.deleted() + " deleted, " + page.rejected()
                    + " rejected (run so far: " + counts(total) + ")");
            out.flush();
        }

        @Override
        public void rejected(HarvestSource source, IRI record, ValidationReport report) {
            String first = report.violations().isEmpty()
                    ? ""
                    : ": "
                            + (report.violations().get(0).field() == null
                                    ? ""
                                    : report.violations().get(0).field() + ": ")
                            + report.violations().get(0).message();
            out.println("rejected <" + record + ">, " + report.violations().size() + " violation(s)" + first);
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class Bar extends HarvestProgress {
        private final ProgressBar bar;

        Bar(PrintStream terminal, String task) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(-1) // the number of pages is not known in advance
                    .setUnit(" pages", 1)
                    .hideEta()
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }

        @Override
        public void pageCommitted(HarvestSource source, HarvestCounts page, HarvestCounts total) {
            bar.stepTo(total.pages());
            bar.setExtraMessage(brief(total));
        }

        @Override
        public void finished(HarvestSource source, HarvestOutcome outcome) {
            bar.setExtraMessage(brief(outcome.counts()));
        }

        /** Short enough to leave the bar room on an 80-column terminal. */
        private static String brief(HarvestCounts c) {
            return "new " + c.created() + " · upd " + c.updated() + " · del " + c.deleted() + " · rej " + c.rejected();
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
