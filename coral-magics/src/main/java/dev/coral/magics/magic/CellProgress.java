package dev.coral.magics.magic;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.coral.core.cli.Progress;
import dev.coral.magics.progress.ProgressBar;

/**
 * The progress of one {@code %coral} command, shown with a {@link ProgressBar} only once the command has
 * run longer than a quiet period ({@link #QUIET_PERIOD} in a kernel), so quick commands leave no bar behind. A phase reported by the
 * command ({@code reading 3/10}) is replayed onto the bar when the quiet period ends; a command that
 * reports no phase (a commit, fsck) gets a bar labelled with its verb that shows the time spent, ticking
 * while it runs. As everywhere with {@link ProgressBar}, times count from when a phase appears on the bar.
 *
 * <p>Phase calls come from the command's thread; the clock ticks on {@code ticker}'s thread.
 */
final class CellProgress implements Progress, AutoCloseable {
    /** How long a command runs before its bar appears, in a kernel. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(1500);
    private static final Duration TICK = Duration.ofMillis(250);

    private final String verb;
    private final ProgressBar bar;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final long quietNanos;
    private final ScheduledFuture<?> ticking;
    private boolean shown;
    private String phase;
    private long total;
    private long done;

    /** Starts the clock for {@code verb}; {@link #close()} stops it. {@code bar} shares {@code nanoClock}. */
    CellProgress(String verb, ProgressBar bar, Duration quietPeriod, ScheduledExecutorService ticker,
            LongSupplier nanoClock) {
        this.verb = verb;
        this.bar = bar;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.quietNanos = quietPeriod.toNanos();
        this.ticking = ticker.scheduleAtFixedRate(this::tick, quietPeriod.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start(long phaseTotal, String label) {
        phase = label;
        total = phaseTotal;
        done = 0;
        if (shown) {
            bar.start(phaseTotal, label);
        } else {
            showIfDue();
        }
    }

    @Override
    public synchronized void advance(long amount) {
        done += amount;
        if (shown) {
            bar.advance(amount);
        } else {
            showIfDue();
        }
    }

    @Override
    public synchronized void done() {
        phase = null;
        if (shown) {
            bar.done();
        }
    }

    /** Whether the bar was shown (the command outlived the quiet period). */
    synchronized boolean wasShown() {
        return shown;
    }

    private synchronized void tick() {
        if (shown) {
            bar.advance(0);
        } else {
            showIfDue();
        }
    }

    /** Shows the bar with the current state once the quiet period is over. */
    private void showIfDue() {
        if (nanoClock.getAsLong() - startNanos < quietNanos) {
            return;
        }
        shown = true;
        if (phase == null) {
            bar.start(0, "coral " + verb);
        } else {
            bar.start(total, phase);
            bar.advance(done);
        }
    }

    /** Stops the clock and ends the bar, if one was shown. */
    @Override
    public void close() {
        ticking.cancel(false);
        synchronized (this) {
            if (shown) {
                bar.close();
            }
        }
    }
}
