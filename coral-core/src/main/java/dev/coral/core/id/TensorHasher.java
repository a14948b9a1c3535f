package dev.coral.core.id;

import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes a tensor's id: SHA-256 over a canonical framing of (dtype, shape, bytes).
 *
 * <p>Framing (version 1), all integers little-endian:
 * <pre>
 *   id     = SHA-256( "coral-tensor-v1" 0x00 | dtype label (ASCII) 0x00 | rank u32 | dims u64... |
 *                     byte length u64 | SHA-256(chunk 0) | SHA-256(chunk 1) | ... )
 *   chunks = the raw little-endian bytes cut into {@value #CHUNK_BYTES}-byte pieces (the last may be
 *            shorter; a zero-size tensor has no chunk)
 * </pre>
 * Hashing chunks separately lets large tensors be hashed on several cores while the id stays a pure
 * function of the content: the same content has the same id under any name, codec or machine.
 */
public final class TensorHasher {
    /** Chunk size of the framing. Changing it changes every id. */
    public static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] MAGIC = "coral-tensor-v1\0".getBytes(StandardCharsets.US_ASCII);

    private TensorHasher() {
    }

    /** The id of {@code tensor}. */
    public static ObjectId id(Tensor tensor) {
        MessageDigest outer = sha256();
        outer.update(header(tensor));
        ByteBuffer data = tensor.data();
        MessageDigest chunk = sha256();
        for (int at = 0; at < data.capacity(); at += CHUNK_BYTES) {
            ByteBuffer piece = data.duplicate().position(at).limit(Math.min(data.capacity(), at + CHUNK_BYTES));
            chunk.update(piece);
            outer.update(chunk.digest());
        }
        return ObjectId.fromBytes(outer.digest());
    }

    private static byte[] header(Tensor tensor) {
        byte[] label = tensor.dtype().label().getBytes(StandardCharsets.US_ASCII);
        long[] shape = tensor.shape();
        ByteBuffer h = ByteBuffer.allocate(MAGIC.length + label.length + 1 + 4 + 8 * shape.length + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).put(label).put((byte) 0).putInt(shape.length);
        for (long d : shape) {
            h.putLong(d);
        }
        h.putLong(tensor.byteSize());
        return h.array();
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
