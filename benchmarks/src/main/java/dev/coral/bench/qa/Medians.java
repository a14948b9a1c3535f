package dev.coral.bench.qa;

import java.util.Arrays;
import java.util.List;

/** Median of repeated measurements: the figure every QA table reports. */
final class Medians {
    private Medians() {
    }

    static double of(List<Double> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
