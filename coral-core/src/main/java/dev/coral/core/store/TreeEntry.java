package dev.coral.core.store;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Shape;
import dev.coral.core.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/** What a tree records for one name: the tensor's id, dtype and shape. Immutable. */
public final class TreeEntry {
    private final ObjectId id;
    private final DType dtype;
    private final long[] shape;

    public TreeEntry(ObjectId id, DType dtype, long[] shape) {
        this.id = id;
        this.dtype = dtype;
        this.shape = shape.clone();
    }

    /** The entry for {@code tensor} whose id is {@code id}. */
    public static TreeEntry of(ObjectId id, Tensor tensor) {
        return new TreeEntry(id, tensor.dtype(), tensor.shape());
    }

    public ObjectId id() {
        return id;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Raw size in bytes. */
    public long bytes() {
        return Shape.byteSize(dtype, shape);
    }

    /** True when a tensor of this entry could be a delta base for one of {@code other}'s dtype and shape. */
    public boolean sameLayout(DType otherDtype, long[] otherShape) {
        return dtype == otherDtype && Arrays.equals(shape, otherShape);
    }

    /** This entry as a result record under {@code name}. */
    public TensorEntry toResult(String name) {
        return new TensorEntry(name, id, dtype, Arrays.stream(shape).boxed().toList(), bytes());
    }

    long[] shapeNoCopy() {
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEntry e && e.id.equals(id) && e.dtype == dtype && Arrays.equals(e.shape, shape);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.shortHex() + " " + dtype + List.of(Arrays.stream(shape).boxed().toArray());
    }
}
