package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

/** Gives the decoder the content of a delta's base tensor. */
@FunctionalInterface
public interface BaseSource {
    Tensor load(ObjectId baseId);
}
