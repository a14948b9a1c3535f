package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

/**
 * A tensor the encoder may store a delta against.
 *
 * <p>{@code tensor} must be exactly the content whose id is {@code id} (e.g. read back from the object
 * store, which verifies ids): the encoder checks its delta against this content, while a later decode
 * gets the base by id. A wrong pairing is caught at read time by the payload checksum, not earlier.
 *
 * @param id     the base's id
 * @param tensor the base's content
 * @param depth  the base's own delta chain depth (0 when stored whole)
 */
public record BaseCandidate(ObjectId id, Tensor tensor, int depth) {
}
