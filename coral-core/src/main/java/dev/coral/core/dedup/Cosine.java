package dev.coral.core.dedup;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.FloatBuffer;

/** Cosine similarity of two tensors of the same dtype and shape, over all elements, in double precision. */
final class Cosine {
    private static final int BLOCK = 4096;

    private Cosine() {
    }

    /** The cosine of {@code a} and {@code b}; NaN when either has no direction (all zeros) or holds NaN/infinity. */
    static double of(Tensor a, Tensor b) {
        return a.dtype() == DType.FLOAT32 ? ofFloats(a, b) : ofAny(a, b);
    }

    private static double ofFloats(Tensor a, Tensor b) {
        FloatBuffer x = a.data().asFloatBuffer();
        FloatBuffer y = b.data().asFloatBuffer();
        float[] xs = new float[BLOCK];
        float[] ys = new float[BLOCK];
        double dot = 0;
        double xx = 0;
        double yy = 0;
        while (x.hasRemaining()) {
            int n = Math.min(BLOCK, x.remaining());
            x.get(xs, 0, n);
            y.get(ys, 0, n);
            // four independent partial sums per block let the CPU overlap the multiply-adds
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0, a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                double p0 = xs[i], p1 = xs[i + 1], p2 = xs[i + 2], p3 = xs[i + 3];
                double q0 = ys[i], q1 = ys[i + 1], q2 = ys[i + 2], q3 = ys[i + 3];
                d0 += p0 * q0; d1 += p1 * q1; d2 += p2 * q2; d3 += p3 * q3;
                a0 += p0 * p0; a1 += p1 * p1; a2 += p2 * p2; a3 += p3 * p3;
                b0 += q0 * q0; b1 += q1 * q1; b2 += q2 * q2; b3 += q3 * q3;
            }
            for (; i < n; i++) {
                d0 += (double) xs[i] * ys[i];
                a0 += (double) xs[i] * xs[i];
                b0 += (double) ys[i] * ys[i];
            }
            dot += d0 + d1 + d2 + d3;
            xx += a0 + a1 + a2 + a3;
            yy += b0 + b1 + b2 + b3;
        }
        return ratio(dot, xx, yy);
    }

    private static double ofAny(Tensor a, Tensor b) {
        double dot = 0;
        double xx = 0;
        double yy = 0;
        long n = a.numel();
        for (long i = 0; i < n; i++) {
            double p = a.getDouble(i);
            double q = b.getDouble(i);
            dot += p * q;
            xx += p * p;
            yy += q * q;
        }
        return ratio(dot, xx, yy);
    }

    private static double ratio(double dot, double xx, double yy) {
        if (!(xx > 0 && yy > 0) || !Double.isFinite(xx) || !Double.isFinite(yy)) {
            return Double.NaN;
        }
        return dot / Math.sqrt(xx * yy);
    }
}
