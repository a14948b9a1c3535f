package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

/**
 * A tensor the encoder may store a delta against.
 *
 * @param id     the base's id
 * @param tensor the base's content
 * @param depth  the base's own delta chain depth (0 when stored whole)
 */
public record BaseCandidate(ObjectId id, Tensor tensor, int depth) {
}
