package dev.coral.magics.progress;

import java.time.Duration;

/**
 * A snapshot of an operation's progress, as a {@link ProgressBar} shows it.
 *
 * @param task         what is being done (the phase label)
 * @param done         units finished
 * @param total        units in all, 0 when unknown
 * @param unit         what a unit is
 * @param elapsedNanos time since the operation began
 * @param finished     true once the operation ended
 */
public record ProgressState(String task, long done, long total, ProgressUnit unit, long elapsedNanos, boolean finished) {

    /** done / total in 0…1, or NaN when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : Double.NaN;
    }

    /** Units per second so far (0 before any time has passed). */
    public double rate() {
        return elapsedNanos > 0 ? done * 1e9 / elapsedNanos : 0;
    }

    /** Time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Estimated time left at the rate so far, or null when it cannot be estimated. */
    public Duration remaining() {
        double rate = rate();
        if (finished || total <= 0 || rate <= 0 || done >= total) {
            return null;
        }
        return Duration.ofNanos((long) ((total - done) / rate * 1e9));
    }
}
