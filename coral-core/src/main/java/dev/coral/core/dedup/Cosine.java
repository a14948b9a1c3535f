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
            // two interleaved partial sums per quantity let the CPU overlap the multiply-adds
            double dotEven = 0;
            double dotOdd = 0;
            double xxEven = 0;
            double xxOdd = 0;
            double yyEven = 0;
            double yyOdd = 0;
            int i = 0;
            for (; i + 2 <= n; i += 2) {
                double p0 = xs[i];
                double p1 = xs[i + 1];
                double q0 = ys[i];
                double q1 = ys[i + 1];
                dotEven += p0 * q0;
                dotOdd += p1 * q1;
                xxEven += p0 * p0;
                xxOdd += p1 * p1;
                yyEven += q0 * q0;
                yyOdd += q1 * q1;
            }
            if (i < n) {
                dotEven += (double) xs[i] * ys[i];
                xxEven += (double) xs[i] * xs[i];
                yyEven += (double) ys[i] * ys[i];
            }
            dot += dotEven + dotOdd;
            xx += xxEven + xxOdd;
            yy += yyEven + yyOdd;
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
