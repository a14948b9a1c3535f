package dev.coral.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The median of repeated measurements, the figure every benchmark here reports: the middle value, or
 * the mean of the two middle values when there is an even number of them.
 *
 * <pre>{@code
 * Medians.of(3.0, 1.0, 2.0, 10.0);   // 2.5
 * }</pre>
 */
public final class Medians {
    private Medians() {
    }

    /** The median of {@code samples}; NaN when there are none. */
    public static double of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The median of {@code samples} (not changed); NaN when there are none. */
    public static double of(double... samples) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
