package dev.gfplint.cli;

import dev.gfplint.core.scan.Scanner;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (me.tongfei:progressbar), shown only on an interactive terminal and only once the
 * scan has run for a second, so short scans and pre-commit runs print nothing extra.
 */
final class ScanProgress implements Scanner.Progress, AutoCloseable {
    /**
     * How long the scan runs before the bar appears, in milliseconds (default 1000). It exists for tests and
     * demos, which set it to 0 to see the bar on a short scan: {@code -Dgfplint.progress.delay.ms=0}.
     */
    static final String DELAY_PROPERTY = "gfplint.progress.delay.ms";
    private final long delayNanos = Math.max(0, Long.getLong(DELAY_PROPERTY, 1000)) * 1_000_000L;
    private final PrintStream err;
    private final long t0 = System.nanoTime();
    private int total;
    private int done;
    private ProgressBar bar;

    private ScanProgress(PrintStream err) {
        this.err = err;
    }

    /** A progress for an interactive terminal, or {@link Scanner.Progress#NONE}. */
    static Scanner.Progress forTerminal(boolean quiet) {
        return !quiet && System.console() != null && System.getenv("CI") == null ? new ScanProgress(System.err) : Scanner.Progress.NONE;
    }

    @Override
    public synchronized void start(int files) {
        total = files;
    }

    @Override
    public synchronized void fileDone() {
        done++;
        if (bar == null && System.nanoTime() - t0 >= delayNanos && done < total) {
            bar = new ProgressBarBuilder().setTaskName("gfplint").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).setUnit(" files", 1)
                    .build();
            bar.stepTo(done);
        } else if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
    }

    static void close(Scanner.Progress p) {
        if (p instanceof ScanProgress sp) sp.close();
    }
}
