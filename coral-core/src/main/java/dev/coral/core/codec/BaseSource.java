package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

/**
 * Gives the decoder the content of a delta's base tensor.
 *
 * <p>{@link TensorCodec#decode} calls it once per delta payload, before decoding the body, and holds no
 * lock or per-thread state meanwhile: an implementation may itself decode the base (which may be a
 * delta too) with the same codec, and should cache hot bases. Returning null is reported as a
 * corrupt object (the base the payload names is missing).
 *
 * <pre>{@code
 * Tensor t = codec.decode(payload, baseId -> store.read(baseId));
 * }</pre>
 */
@FunctionalInterface
public interface BaseSource {
    Tensor load(ObjectId baseId);
}
