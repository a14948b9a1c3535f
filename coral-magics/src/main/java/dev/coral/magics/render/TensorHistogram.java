package dev.coral.magics.render;

import dev.coral.core.tensor.Tensor;

/**
 * The distribution of a tensor's finite values in equal-width bins between their minimum and maximum.
 *
 * <pre>{@code
 * TensorHistogram h = TensorHistogram.of(Tensor.randn(1, 200, 200), 40);
 * h.counts().length;   // 40
 * }</pre>
 *
 * @param min       smallest finite value (NaN when there is none)
 * @param max       largest finite value (NaN when there is none)
 * @param counts    values per bin; bin {@code i} covers {@code [min + i·w, min + (i+1)·w)}, the last bin includes max
 * @param nonFinite NaN and infinite values, not binned
 */
public record TensorHistogram(double min, double max, long[] counts, long nonFinite) {
    /** Bins of the histogram {@code coral show} draws. */
    public static final int DEFAULT_BINS = 40;

    public TensorHistogram {
        counts = counts.clone();
    }

    /** Bins {@code tensor}'s values (two passes over the data; bool and integer dtypes too). */
    public static TensorHistogram of(Tensor tensor, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        long n = tensor.numel();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nonFinite = 0;
        for (long i = 0; i < n; i++) {
            double v = tensor.getDouble(i);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            } else {
                nonFinite++;
            }
        }
        long[] counts = new long[bins];
        if (nonFinite == n) {
            return new TensorHistogram(Double.NaN, Double.NaN, counts, nonFinite);
        }
        double width = (max - min) / bins;
        for (long i = 0; i < n; i++) {
            double v = tensor.getDouble(i);
            if (Double.isFinite(v)) {
                int bin = width > 0 ? (int) ((v - min) / width) : 0;
                counts[Math.min(bins - 1, bin)]++;
            }
        }
        return new TensorHistogram(min, max, counts, nonFinite);
    }

    /** The bin counts (a copy). */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Finite values binned. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }
}
