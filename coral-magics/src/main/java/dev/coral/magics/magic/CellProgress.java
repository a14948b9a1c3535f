package dev.coral.magics.magic;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.coral.core.cli.Progress;
import dev.coral.kernel.api.Displayer;
import dev.coral.magics.progress.ProgressState;
import dev.coral.magics.progress.ProgressUnit;

/**
 * A progress bar ({@link ProgressState}, drawn by the Coral renderers) in the running cell's output,
 * updated in place, for one {@code %coral} command.
 * Nothing is shown for commands that end within {@link #QUIET_PERIOD}; a longer command gets one bar
 * that follows its phases ({@code reading 3/10}) and, between phases or for commands that report
 * none, shows the time spent. When the command ends, the bar says how long it took.
 *
 * <p>Phase calls come from the command's thread; the clock ticks on {@code ticker}'s thread.
 */
final class CellProgress implements Progress, AutoCloseable {
    static final Duration QUIET_PERIOD = Duration.ofMillis(800);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final long MIN_UPDATE_NANOS = Duration.ofMillis(100).toNanos();

    private final String verb;
    private final Displayer displayer;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ScheduledFuture<?> ticking;
    private String displayId;
    private long lastUpdateNanos;
    private String phase;
    private long total;
    private long done;

    /** Starts the clock for {@code verb}; {@link #close()} stops it. */
    CellProgress(String verb, Displayer displayer, ScheduledExecutorService ticker, LongSupplier nanoClock) {
        this.verb = verb;
        this.displayer = displayer;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        long tick = TICK.toMillis();
        this.ticking = ticker.scheduleAtFixedRate(this::tick, QUIET_PERIOD.toMillis(), tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start(long total, String label) {
        this.phase = label;
        this.total = Math.max(0, total);
        this.done = 0;
        show(true);
    }

    @Override
    public synchronized void advance(long amount) {
        done = total == 0 ? done + amount : Math.min(total, done + amount);
        show(false);
    }

    @Override
    public synchronized void done() {
        phase = null;
        show(false);
    }

    /** Whether a bar was shown (the command outlived the quiet period). */
    synchronized boolean wasShown() {
        return displayId != null;
    }

    private synchronized void tick() {
        show(false);
    }

    /** Shows the current state once the quiet period is over, at most every 100 ms unless {@code force}d. */
    private void show(boolean force) {
        long now = nanoClock.getAsLong();
        if (now - startNanos < QUIET_PERIOD.toNanos()) {
            return;
        }
        if (displayId == null) {
            displayId = displayer.display(state(now, false));
        } else if (force || now - lastUpdateNanos >= MIN_UPDATE_NANOS) {
            displayer.updateDisplay(displayId, state(now, false));
        } else {
            return;
        }
        lastUpdateNanos = now;
    }

    /** Stops the clock; a bar that was shown now says the command finished and how long it took. */
    @Override
    public void close() {
        ticking.cancel(false);
        synchronized (this) {
            if (displayId != null) {
                displayer.updateDisplay(displayId, state(nanoClock.getAsLong(), true));
            }
        }
    }

    /** What the bar shows: the running phase with its counts, or the command and its time. */
    private ProgressState state(long now, boolean finished) {
        if (finished || phase == null) {
            return new ProgressState("coral " + verb, 0, 0, ProgressUnit.COUNT, now - startNanos, finished);
        }
        return new ProgressState("coral " + verb + ": " + phase, done, total, ProgressUnit.COUNT, now - startNanos, false);
    }
}
