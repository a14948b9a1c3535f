package dev.coral.core.result;

import java.util.List;

/**
 * What {@code coral show SPEC} describes: a commit with its tree ({@code show REF}), or one tensor of a
 * commit ({@code show REF:TENSOR}).
 *
 * @param spec   the spec as the user wrote it
 * @param commit the commit the spec resolved to
 * @param tree   every tensor of the commit sorted by name, or empty for a tensor spec
 * @param tensor the tensor for a {@code REF:TENSOR} spec, or null
 */
public record ShowResult(String spec, CommitInfo commit, List<TensorEntry> tree, TensorSummary tensor) {
    public ShowResult {
        tree = List.copyOf(tree);
    }

    /** True for a {@code REF:TENSOR} spec. */
    public boolean isTensor() {
        return tensor != null;
    }
}
