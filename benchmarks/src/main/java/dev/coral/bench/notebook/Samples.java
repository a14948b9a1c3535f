package dev.coral.bench.notebook;

import java.util.Arrays;
import java.util.Locale;

import dev.coral.bench.Medians;

/** Timings in milliseconds and their median, 90th percentile and maximum (the percentiles by nearest rank). */
final class Samples {
    private final double[] millis;
    private int count;

    Samples(int capacity) {
        millis = new double[capacity];
    }

    void add(long nanos) {
        millis[count++] = nanos / 1e6;
    }

    double median() {
        return Medians.of(Arrays.copyOf(millis, count));
    }

    double percentile(int p) {
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
    }

    String summary() {
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms, max %.2f ms (n=%d)", median(), percentile(90),
                percentile(100), count);
    }
}
