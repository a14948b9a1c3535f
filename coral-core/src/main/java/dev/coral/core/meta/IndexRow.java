package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;

/**
 * One entry of the on-disk staging index: a staged tensor, or a staged removal when {@code tensor} is null.
 *
 * @param name   the tensor name
 * @param tensor the staged tensor's id, or null for a removal
 * @param dtype  its dtype (null for a removal)
 * @param shape  its shape (null for a removal)
 */
public record IndexRow(String name, ObjectId tensor, DType dtype, long[] shape) {
    public boolean isRemoval() {
        return tensor == null;
    }
}
