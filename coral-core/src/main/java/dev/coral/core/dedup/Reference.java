package dev.coral.core.dedup;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A group's reference in a {@link Deduplicator}: a tensor held whole, in the forms the comparisons
 * read: its bytes (for exact deltas) and, when {@link FloatRows#suits} it, its values in rows with
 * their squared norm (for the fast cosine). Immutable once built; shared by every thread.
 */
final class Reference {
    final ObjectId id;
    /** The content, wrapping {@link #bits}. */
    final Tensor tensor;
    final byte[] bits;
    /** Null unless the fast cosine applies. */
    private final FloatRows rows;
    private final double normSquared;

    private Reference(ObjectId id, Tensor tensor, byte[] bits, FloatRows rows) {
        this.id = id;
        this.tensor = tensor;
        this.bits = bits;
        this.rows = rows;
        this.normSquared = rows == null ? Double.NaN : rows.normSquared();
    }

    /** The tensor of these {@code bits}, which the reference keeps (the caller must not change them). */
    static Reference of(ObjectId id, DType dtype, long[] shape, byte[] bits) {
        Tensor tensor = Tensor.wrap(dtype, shape, ByteBuffer.wrap(bits));
        return new Reference(id, tensor, bits, FloatRows.suits(tensor) ? FloatRows.of(tensor) : null);
    }

    /**
     * The cosine of {@code tensor} and this reference over all elements; NaN when they differ in dtype
     * or shape, or either has no direction or holds NaN or infinity.
     *
     * @param scratch this thread's rows, loaded with {@code tensor}'s values when {@link FloatRows#suits}
     *                it (null otherwise)
     */
    double cosine(Tensor tensor, FloatRows scratch) {
        if (tensor.dtype() != this.tensor.dtype() || !Arrays.equals(tensor.shape(), this.tensor.shape())) {
            return Double.NaN;
        }
        if (rows != null && scratch != null && !Double.isNaN(normSquared)) {
            double cosine = scratch.cosine(rows, normSquared);
            if (!Double.isNaN(cosine)) {
                return cosine;
            }
        }
        return Cosine.of(tensor, this.tensor);
    }
}
