package dev.coral.core.store;

import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.id.ObjectId;

/**
 * A tensor encoded and ready to be recorded by {@link TensorStore#insert} inside a commit transaction: a
 * small payload is held in memory, a large one is already in its object file.
 *
 * @param id      the tensor's id
 * @param rawSize its raw size in bytes
 * @param encoded the encoding chosen
 * @param crc     CRC32C of the payload
 * @param inline  the payload bytes when it goes into the database, else null
 * @param file    the object file (relative to {@code objects/}) when it was written as a file, else null
 */
public record PreparedTensor(ObjectId id, long rawSize, EncodedTensor encoded, int crc, byte[] inline, String file) {
    /** Bytes of the encoded payload. */
    public long storedSize() {
        return encoded.storedSize();
    }
}
