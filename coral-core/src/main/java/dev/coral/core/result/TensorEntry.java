package dev.coral.core.result;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;

import java.util.List;

/**
 * One named tensor of a commit's tree, without its data.
 *
 * @param name  the tensor's name in the tree
 * @param id    the tensor's content id
 * @param dtype its element type
 * @param shape its shape ({@code []} for a scalar)
 * @param bytes size of its raw data in bytes
 */
public record TensorEntry(String name, ObjectId id, DType dtype, List<Long> shape, long bytes) {
    public TensorEntry {
        shape = List.copyOf(shape);
    }

    /** The shape as an array. */
    public long[] shapeArray() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }
}
