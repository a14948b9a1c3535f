package dev.coral.core.cli;

import java.io.PrintStream;

/**
 * The CLI's progress: one line on stderr rewritten in place ({@code reading 3/10}), erased when the phase
 * is done. Updates are throttled so a fast phase does not flood the terminal.
 */
final class TerminalProgress implements Progress {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintStream err;
    private String label = "";
    private long total;
    private long done;
    private long lastPrint;
    private int lastWidth;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void start(long total, String label) {
        this.label = label;
        this.total = total;
        this.done = 0;
        print();
    }

    @Override
    public void advance(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (now - lastPrint >= MIN_INTERVAL_NANOS || done == total) {
            print();
        }
    }

    @Override
    public void done() {
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
        lastWidth = 0;
    }

    private void print() {
        String line = "coral: " + label + (total > 0 ? " " + done + "/" + total : "…");
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
        lastPrint = System.nanoTime();
    }
}
