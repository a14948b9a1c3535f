package dev.coral.core.repo;

import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * The repository's on-disk staging index, what {@code coral add} and {@code coral commit} use. It lives
 * in the repository database and is shared by every process; tensors are stored when added, so a later
 * commit only records names.
 *
 * <pre>{@code
 * repo.index().addAll(tensorsFromFile);
 * repo.index().remove("old.bias");
 * repo.index().commit(CommitRequest.of("import checkpoint"));
 * }</pre>
 */
public final class Index {

    Index() {
    }

    /** Stores {@code tensor} and stages it under {@code name}. */
    public TensorEntry add(String name, Tensor tensor) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stores and stages every entry in one step: all names are checked first, and either all are staged or none. */
    public List<TensorEntry> addAll(Map<String, Tensor> tensors) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stages the removal of {@code name}, which must be in HEAD's tree or staged. */
    public void remove(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The staged changes relative to HEAD, sorted by name. */
    public List<DiffEntry> list() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Unstages everything. */
    public void clear() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Commits the staged changes on top of the current tip of the target branch and empties the index,
     * in one transaction.
     */
    public CommitResult commit(CommitRequest request) {
        throw new UnsupportedOperationException("in progress");
    }
}
