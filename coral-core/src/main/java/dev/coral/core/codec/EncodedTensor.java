package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;

import java.nio.ByteBuffer;

/**
 * A tensor as it is stored: a self-describing payload (header + body) and what the header says.
 *
 * @param codec   the encoding chosen
 * @param baseId  the delta base, or null unless {@code codec == XOR_DELTA}
 * @param depth   delta chain depth: 0 for RAW/SHUFFLE_ZSTD, base depth + 1 for a delta
 * @param payload the bytes to store, positioned at 0
 */
public record EncodedTensor(Codec codec, ObjectId baseId, int depth, ByteBuffer payload) {
    /** Bytes the payload occupies. */
    public long storedSize() {
        return payload.remaining();
    }
}
