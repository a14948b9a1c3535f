package dev.coral.core.dedup;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.codec.XorDelta;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One distinct tensor held by a {@link Deduplicator}: either its group's reference itself, or an exact
 * delta against the reference (the XOR of the two bit patterns, from which the tensor comes back
 * bit-exactly). {@link #compress} adds the payload the codec would store, verified to decode exactly,
 * and drops the delta, which the payload then replaces. Thread-safe.
 */
final class StoredTensor {
    private final Reference reference;
    private final boolean delta;
    /** XOR of this tensor's bytes and the reference's; null for the reference itself and once compressed. */
    private byte[] exactDelta;
    private EncodedTensor encoded;

    private StoredTensor(Reference reference, byte[] exactDelta) {
        this.reference = reference;
        this.delta = exactDelta != null;
        this.exactDelta = exactDelta;
    }

    /** The reference of a new group, held whole. */
    static StoredTensor whole(Reference reference) {
        return new StoredTensor(reference, null);
    }

    /** A tensor held as {@code exactDelta}, the XOR of its bytes and {@code reference}'s. */
    static StoredTensor delta(Reference reference, byte[] exactDelta) {
        return new StoredTensor(reference, exactDelta);
    }

    /** Whether this tensor is held as a delta against its group's reference (else it is the reference). */
    boolean isDelta() {
        return delta;
    }

    /** The tensor, bit-exactly: from the delta, or from the payload once compressed. */
    synchronized Tensor content(TensorCodec codec) {
        if (exactDelta != null) {
            byte[] bits = exactDelta.clone();
            XorDelta.xorInPlace(bits, reference.bits, 0, bits.length);
            return Tensor.wrap(reference.tensor.dtype(), reference.tensor.shape(), ByteBuffer.wrap(bits));
        }
        if (delta) {
            return codec.decode(encoded.payload(), id -> id.equals(reference.id) ? reference.tensor : null);
        }
        return reference.tensor;
    }

    /** The verified payload for storage, encoded the first time this is called. */
    synchronized EncodedTensor compress(TensorCodec codec) {
        if (encoded == null) {
            encoded = delta
                    ? codec.encode(content(codec), List.of(new BaseCandidate(reference.id, reference.tensor, 0)))
                    : codec.encode(reference.tensor);
            exactDelta = null;
        }
        return encoded;
    }
}
