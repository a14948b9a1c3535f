package dev.coral.magics.progress;

import dev.coral.kernel.api.Displayer;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A progress bar in the output of the running cell, updated in place through the kernel's
 * {@link Displayer}. Updates are sent at most every {@link #DEFAULT_INTERVAL} (and always for the first
 * and the last state) so that a tight loop does not flood the notebook.
 *
 * <pre>{@code
 * try (ProgressBar bar = new ProgressBar(context)) {        // a MagicContext is a Displayer
 *     bar.begin("committing", names.size(), ProgressUnit.COUNT);
 *     for (int i = 0; i < names.size(); i++) { stage(names.get(i)); bar.update(i + 1); }
 * }                                                          // close() = end()
 * }</pre>
 *
 * <p>Thread-safe: workers may report concurrently.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {
    /** Least time between two display updates. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final Displayer displayer;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private String displayId;
    private String task;
    private long total;
    private ProgressUnit unit;
    private long startNanos;
    private long lastSentNanos;
    private long done;
    private boolean ended;

    /** A bar shown through {@code displayer}, updated at most every {@link #DEFAULT_INTERVAL}. */
    public ProgressBar(Displayer displayer) {
        this(displayer, System::nanoTime, DEFAULT_INTERVAL);
    }

    /** A bar with its own clock and update interval (tests pass a manual clock). */
    public ProgressBar(Displayer displayer, LongSupplier nanoClock, Duration minInterval) {
        this.displayer = Objects.requireNonNull(displayer, "displayer");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.intervalNanos = minInterval.toNanos();
    }

    @Override
    public synchronized void begin(String newTask, long newTotal, ProgressUnit newUnit) {
        if (displayId != null) {
            throw new IllegalStateException("progress bar '" + task + "' has already begun; use a new bar per operation");
        }
        task = Objects.requireNonNull(newTask, "task");
        total = Math.max(0, newTotal);
        unit = Objects.requireNonNull(newUnit, "unit");
        startNanos = nanoClock.getAsLong();
        lastSentNanos = startNanos;
        displayId = displayer.display(state(false));
    }

    @Override
    public synchronized void update(long newDone) {
        requireBegun();
        if (ended) {
            return;
        }
        done = Math.max(done, newDone);
        long now = nanoClock.getAsLong();
        if (now - lastSentNanos >= intervalNanos) {
            lastSentNanos = now;
            displayer.updateDisplay(displayId, state(false));
        }
    }

    @Override
    public synchronized void end() {
        requireBegun();
        if (!ended) {
            ended = true;
            displayer.updateDisplay(displayId, state(true));
        }
    }

    /** Ends the bar if it has begun and not ended. */
    @Override
    public synchronized void close() {
        if (displayId != null) {
            end();
        }
    }

    /** The current state (what the bar shows, or will show at the next update). */
    public synchronized ProgressState state() {
        requireBegun();
        return state(ended);
    }

    private ProgressState state(boolean finished) {
        return new ProgressState(task, done, total, unit, nanoClock.getAsLong() - startNanos, finished);
    }

    private void requireBegun() {
        if (displayId == null) {
            throw new IllegalStateException("progress bar has not begun; call begin(task, total, unit) first");
        }
    }
}
