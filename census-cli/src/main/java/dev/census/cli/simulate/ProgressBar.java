package dev.census.cli.simulate;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place at most once per percent. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    public synchronized void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%s [%s%s] %3d%% %d/%d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total);
        if (percent == 100) {
            out.println();
        }
        out.flush();
    }
}
