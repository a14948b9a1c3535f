package dev.coral.magics.progress;

import dev.coral.core.cli.Progress;
import dev.coral.kernel.api.Displayer;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The notebook side of the CLI's {@link Progress}: a bar in the output of the running cell, updated in
 * place through the kernel's {@link Displayer}. Each phase ({@code start … advance … done}) reuses the
 * same output. Updates are sent at most every {@link #DEFAULT_INTERVAL} (and always when a phase starts,
 * reaches its total, or ends) so that a tight loop does not flood the notebook.
 *
 * <pre>{@code
 * try (ProgressBar bar = new ProgressBar(context)) {     // a MagicContext is a Displayer
 *     CoralCommands.run(dir, args, environmentReportingTo(bar));
 * }
 * // or by hand:
 * bar.start(names.size(), "staging");
 * for (String n : names) { stage(n); bar.advance(1); }
 * bar.done();
 * }</pre>
 *
 * <p>Thread-safe: workers may report concurrently.
 */
public final class ProgressBar implements Progress, AutoCloseable {
    /** Least time between two display updates within a phase. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final Displayer displayer;
    private final ProgressUnit unit;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private String displayId;
    private String label;
    private long total;
    private long done;
    private long startNanos;
    private long lastSentNanos;
    private boolean finished;

    /** A bar counting things (tensors, files, objects). */
    public ProgressBar(Displayer displayer) {
        this(displayer, ProgressUnit.COUNT);
    }

    /** A bar whose units are {@code unit} (bytes are shown as KiB/MiB and MiB/s). */
    public ProgressBar(Displayer displayer, ProgressUnit unit) {
        this(displayer, unit, System::nanoTime, DEFAULT_INTERVAL);
    }

    /** A bar with its own clock and update interval (tests pass a manual clock). */
    public ProgressBar(Displayer displayer, ProgressUnit unit, LongSupplier nanoClock, Duration minInterval) {
        this.displayer = Objects.requireNonNull(displayer, "displayer");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.intervalNanos = minInterval.toNanos();
    }

    /** A phase begins: shows the bar, or resets the one already shown. */
    @Override
    public synchronized void start(long phaseTotal, String phaseLabel) {
        label = Objects.requireNonNull(phaseLabel, "label");
        total = Math.max(0, phaseTotal);
        done = 0;
        finished = false;
        startNanos = nanoClock.getAsLong();
        lastSentNanos = startNanos;
        if (displayId == null) {
            displayId = displayer.display(state());
        } else {
            displayer.updateDisplay(displayId, state());
        }
    }

    @Override
    public synchronized void advance(long amount) {
        requireStarted();
        if (finished) {
            return;
        }
        done += amount;
        long now = nanoClock.getAsLong();
        if (now - lastSentNanos >= intervalNanos || (total > 0 && done >= total)) {
            lastSentNanos = now;
            displayer.updateDisplay(displayId, state());
        }
    }

    @Override
    public synchronized void done() {
        requireStarted();
        if (!finished) {
            finished = true;
            displayer.updateDisplay(displayId, state());
        }
    }

    /** Ends the current phase if one is running. */
    @Override
    public synchronized void close() {
        if (displayId != null) {
            done();
        }
    }

    /** What the bar shows now (or will show at its next update). */
    public synchronized ProgressState state() {
        requireStarted();
        return new ProgressState(label, done, total, unit, nanoClock.getAsLong() - startNanos, finished);
    }

    private void requireStarted() {
        if (label == null) {
            throw new IllegalStateException("progress bar has not started; call start(total, label) first");
        }
    }
}
