package dev.coral.core.repo;

import dev.coral.core.error.NotFoundException;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;

import java.util.List;
import java.util.Set;

/**
 * A read-only view of one commit's tensors. Names and metadata are available at once; each tensor is
 * read on first access through the repository's byte-bounded cache, shared by every view.
 *
 * <pre>{@code
 * ModelView m = repo.at("v1.0");
 * for (String name : m.names()) {
 *     Tensor t = m.tensor(name);
 * }
 * }</pre>
 */
public final class ModelView {

    ModelView() {
    }

    /** The commit viewed. */
    public CommitInfo commit() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Tensor names, sorted. */
    public Set<String> names() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Every tensor's metadata, sorted by name. */
    public List<TensorEntry> entries() {
        throw new UnsupportedOperationException("in progress");
    }

    public boolean contains(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Metadata of {@code name}; @throws NotFoundException when the commit has no such tensor */
    public TensorEntry entry(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The tensor {@code name}, loaded on first access; @throws NotFoundException when absent */
    public Tensor tensor(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Number of tensors. */
    public int size() {
        throw new UnsupportedOperationException("in progress");
    }
}
