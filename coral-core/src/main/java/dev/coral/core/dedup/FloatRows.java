package dev.coral.core.dedup;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A float32 tensor's values cut into rows of {@value #ROW} floats (the last one zero-padded), for a
 * fast cosine.
 *
 * <p>The sums run in {@value #ROW} float lanes: lane {@code k} adds up element {@code k} of every
 * row, and the lanes are added in double at the end. Every array in the inner loop is then indexed by
 * the same {@code k}, the one shape in which HotSpot's C2 (Java 17) turns the loop into SIMD code; a
 * single running sum, or lanes read at an offset into one long array, stay scalar and are several
 * times slower. Each lane holds the sum of one element per row, so float lanes lose next to nothing
 * against a double sum; when a sum overflows the float range, {@link #cosine} says so (NaN) and the
 * caller falls back to {@link Cosine}.
 *
 * <p>Not thread-safe: {@link #load} refills the rows and {@link #cosine} writes the lanes. A reference
 * tensor's rows are built once and then only read, by {@link #cosine} of another instance.
 */
final class FloatRows {
    /** Floats per row. */
    static final int ROW = 1024;

    private float[][] rows = new float[0][];
    private int count;
    private long numel;
    private final float[] dotLanes = new float[ROW];
    private final float[] normLanes = new float[ROW];

    /** Whether the fast path applies: float32 with at least one full row. */
    static boolean suits(Tensor tensor) {
        return tensor.dtype() == DType.FLOAT32 && tensor.numel() >= ROW;
    }

    /** The rows of a {@link #suits suitable} tensor. */
    static FloatRows of(Tensor tensor) {
        FloatRows rows = new FloatRows();
        rows.load(tensor);
        return rows;
    }

    /** Replaces the values by those of a {@link #suits suitable} tensor, reusing the rows already allocated. */
    void load(Tensor tensor) {
        FloatBuffer values = tensor.data().asFloatBuffer();
        numel = values.remaining();
        count = (int) ((numel + ROW - 1) / ROW);
        if (rows.length < count) {
            float[][] grown = Arrays.copyOf(rows, count);
            for (int r = rows.length; r < count; r++) {
                grown[r] = new float[ROW];
            }
            rows = grown;
        }
        for (int r = 0; r < count; r++) {
            int length = Math.min(ROW, values.remaining());
            values.get(rows[r], 0, length);
            Arrays.fill(rows[r], length, ROW, 0f);
        }
    }

    /** The sum of the squared values; NaN when it is not finite. */
    double normSquared() {
        accumulate(this);
        double norm = sum(normLanes);
        return Double.isFinite(norm) ? norm : Double.NaN;
    }

    /**
     * The cosine of these values and {@code reference}'s (same element count), given the reference's
     * {@link #normSquared}. NaN when either has no direction or a sum is not finite (NaN or infinite
     * values, or float overflow).
     */
    double cosine(FloatRows reference, double referenceNormSquared) {
        if (reference.numel != numel) {
            return Double.NaN;
        }
        accumulate(reference);
        double dot = sum(dotLanes);
        double norm = sum(normLanes);
        if (!(norm > 0 && referenceNormSquared > 0) || !Double.isFinite(norm) || !Double.isFinite(dot)) {
            return Double.NaN;
        }
        return dot / Math.sqrt(norm * referenceNormSquared);
    }

    /** Lanes of Σ x·y and Σ x·x, x these values and y {@code other}'s. */
    private void accumulate(FloatRows other) {
        Arrays.fill(dotLanes, 0f);
        Arrays.fill(normLanes, 0f);
        for (int r = 0; r < count; r++) {
            accumulateRow(rows[r], other.rows[r], dotLanes, normLanes);
        }
    }

    private static void accumulateRow(float[] x, float[] y, float[] dot, float[] norm) {
        for (int k = 0; k < ROW; k++) {
            float v = x[k];
            dot[k] += v * y[k];
            norm[k] += v * v;
        }
    }

    private static double sum(float[] lanes) {
        double s0 = 0;
        double s1 = 0;
        for (int k = 0; k < ROW; k += 2) {
            s0 += lanes[k];
            s1 += lanes[k + 1];
        }
        return s0 + s1;
    }
}
