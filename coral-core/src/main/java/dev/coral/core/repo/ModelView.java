package dev.coral.core.repo;

import dev.coral.core.error.NotFoundException;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
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
    private final Repository repo;
    private final CommitInfo commit;
    private final Tree tree;

    ModelView(Repository repo, CommitInfo commit, Tree tree) {
        this.repo = repo;
        this.commit = commit;
        this.tree = tree;
    }

    /** The commit viewed. */
    public CommitInfo commit() {
        return commit;
    }

    /** Tensor names, sorted. */
    public Set<String> names() {
        return tree.entries().navigableKeySet();
    }

    /** Every tensor's metadata, sorted by name. */
    public List<TensorEntry> entries() {
        return tree.entries().entrySet().stream().map(e -> e.getValue().toResult(e.getKey())).toList();
    }

    public boolean contains(String name) {
        return tree.get(name) != null;
    }

    /** Metadata of {@code name}; @throws NotFoundException when the commit has no such tensor */
    public TensorEntry entry(String name) {
        return require(name).toResult(name);
    }

    /** The tensor {@code name}, loaded on first access; @throws NotFoundException when absent */
    public Tensor tensor(String name) {
        return repo.cachedEntry(require(name));
    }

    /** Number of tensors. */
    public int size() {
        return tree.size();
    }

    private TreeEntry require(String name) {
        TreeEntry entry = tree.get(name);
        if (entry == null) {
            throw new NotFoundException("commit " + commit.shortId() + " has no tensor named '" + name + "'");
        }
        return entry;
    }

    @Override
    public String toString() {
        return "ModelView(" + commit.shortId() + ", " + tree.size() + " tensors)";
    }
}
