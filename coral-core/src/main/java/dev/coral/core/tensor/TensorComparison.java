package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;

import java.util.Arrays;

/**
 * How much a tensor changed between two versions of the same dtype and shape, as {@code coral diff}
 * reports it.
 *
 * <pre>{@code
 * TensorComparison c = TensorComparison.of(before, after);
 * c.cosine();           // 1.0 when only the scale is unchanged direction
 * c.fractionChanged();  // share of elements whose bits differ
 * }</pre>
 *
 * @param l2              Euclidean distance ‖after − before‖₂ over elements finite in both
 * @param cosine          cosine similarity of the two tensors (NaN when either is all zeros)
 * @param maxAbsDelta     largest |after − before| over elements finite in both
 * @param fractionChanged elements whose bit patterns differ / elements (0 for a zero-size tensor)
 */
public record TensorComparison(double l2, double cosine, double maxAbsDelta, double fractionChanged) {

    /**
     * Compares two tensors of the same dtype and shape.
     *
     * @throws InvalidInputException when dtype or shape differ
     */
    public static TensorComparison of(Tensor before, Tensor after) {
        if (before.dtype() != after.dtype() || !Arrays.equals(before.shape(), after.shape())) {
            throw new InvalidInputException("cannot compare " + before.describe() + " with " + after.describe());
        }
        long n = before.numel();
        int size = before.dtype().itemSize();
        var a = before.data();
        var b = after.data();
        double sumSq = 0;
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double maxAbs = 0;
        long changed = 0;
        for (long i = 0; i < n; i++) {
            int at = (int) (i * size);
            if (!sameBits(a, b, at, size)) {
                changed++;
            }
            double x = before.getDouble(i);
            double y = after.getDouble(i);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                double d = y - x;
                sumSq += d * d;
                maxAbs = Math.max(maxAbs, Math.abs(d));
                dot += x * y;
                normA += x * x;
                normB += y * y;
            }
        }
        double cosine = normA == 0 || normB == 0 ? Double.NaN : dot / Math.sqrt(normA * normB);
        double fraction = n == 0 ? 0 : (double) changed / n;
        return new TensorComparison(Math.sqrt(sumSq), cosine, maxAbs, fraction);
    }

    private static boolean sameBits(java.nio.ByteBuffer a, java.nio.ByteBuffer b, int at, int size) {
        for (int k = 0; k < size; k++) {
            if (a.get(at + k) != b.get(at + k)) {
                return false;
            }
        }
        return true;
    }
}
