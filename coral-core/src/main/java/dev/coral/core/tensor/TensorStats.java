package dev.coral.core.tensor;

/**
 * Summary statistics of a tensor's values, as {@code coral show} prints them. NaN and infinite
 * elements are counted, not folded into the moments.
 *
 * <pre>{@code
 * TensorStats s = TensorStats.of(Tensor.randn(1, 100, 100));
 * s.mean();   // ≈ 0
 * }</pre>
 *
 * @param count    elements
 * @param min      smallest finite value (NaN when there is none)
 * @param max      largest finite value (NaN when there is none)
 * @param mean     mean of the finite values
 * @param std      population standard deviation of the finite values
 * @param nanCount NaN elements
 * @param infCount infinite elements
 */
public record TensorStats(long count, double min, double max, double mean, double std, long nanCount, long infCount) {

    /** Statistics of {@code tensor} in one pass (Welford's algorithm). */
    public static TensorStats of(Tensor tensor) {
        long n = tensor.numel();
        long finite = 0;
        long nans = 0;
        long infs = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        for (long i = 0; i < n; i++) {
            double v = tensor.getDouble(i);
            if (Double.isNaN(v)) {
                nans++;
            } else if (Double.isInfinite(v)) {
                infs++;
            } else {
                finite++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                double delta = v - mean;
                mean += delta / finite;
                m2 += delta * (v - mean);
            }
        }
        if (finite == 0) {
            return new TensorStats(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nans, infs);
        }
        return new TensorStats(n, min, max, mean, Math.sqrt(m2 / finite), nans, infs);
    }
}
