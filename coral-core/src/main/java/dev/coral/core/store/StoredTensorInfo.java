package dev.coral.core.store;

import dev.coral.core.codec.Codec;
import dev.coral.core.id.ObjectId;

/**
 * How a tensor is stored.
 *
 * @param id          its id
 * @param rawSize     raw bytes of the tensor
 * @param codec       its encoding (null in {@link TensorStore#all} when the row names a codec this build does not know)
 * @param base        the delta base, or null
 * @param depth       delta chain depth
 * @param storedSize  bytes of the encoded payload
 * @param inFile      true when the payload is a file under {@code objects/}, false when it is in the database
 */
public record StoredTensorInfo(ObjectId id, long rawSize, Codec codec, ObjectId base, int depth, long storedSize,
                               boolean inFile) {
}
