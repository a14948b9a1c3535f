package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.IndexRow;
import dev.coral.core.meta.IndexTable;
import dev.coral.core.meta.RefTable;
import dev.coral.core.names.RefNames;
import dev.coral.core.names.TensorNames;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private final Repository repo;
    private final Stores stores;
    private final CommitWriter writer;

    Index(Repository repo, Stores stores, CommitWriter writer) {
        this.repo = repo;
        this.stores = stores;
        this.writer = writer;
    }

    /** Stores {@code tensor} and stages it under {@code name}. */
    public TensorEntry add(String name, Tensor tensor) {
        return addAll(Map.of(name, tensor)).get(0);
    }

    /**
     * Stores and stages every entry in one step: all names are checked first, and either all are staged or
     * none. Returns the staged entries sorted by name.
     */
    public List<TensorEntry> addAll(Map<String, Tensor> tensors) {
        tensors.forEach((name, tensor) -> {
            TensorNames.check(name);
            if (tensor == null) {
                throw new InvalidInputException("no tensor given for '" + name + "'");
            }
        });
        Tree headTree = repo.treeOf(repo.tipOf(null));
        ChangeSet changes = writer.prepare(tensors, Set.of(), headTree);
        CommitWriter.Stored stored = stores.db.write(c -> {
            CommitWriter.Stored s = writer.store(c, changes);
            for (Map.Entry<String, TreeEntry> e : changes.puts().entrySet()) {
                TreeEntry entry = e.getValue();
                IndexTable.put(c, new IndexRow(e.getKey(), entry.id(), entry.dtype(), entry.shape()));
            }
            return s;
        });
        writer.afterWrite(stored);
        return changes.puts().entrySet().stream()
                .map(e -> e.getValue().toResult(e.getKey()))
                .sorted(java.util.Comparator.comparing(TensorEntry::name))
                .toList();
    }

    /**
     * Stages the removal of {@code name}, which must be in HEAD's tree or staged.
     *
     * @throws NotFoundException when it is in neither
     */
    public void remove(String name) {
        TensorNames.check(name);
        stores.db.write(c -> {
            Tree headTree = stores.treeOf(c, RefTable.headCommit(c));
            boolean staged = IndexTable.delete(c, name);
            if (headTree.get(name) != null) {
                IndexTable.put(c, new IndexRow(name, null, null, null));
            } else if (!staged) {
                throw new NotFoundException("cannot remove '" + name + "': it is neither in HEAD nor staged");
            }
            return null;
        });
    }

    /** The staged changes relative to HEAD, sorted by name. */
    public List<DiffEntry> list() {
        return stores.read(c -> staged(c, stores.treeOf(c, RefTable.headCommit(c))));
    }

    List<DiffEntry> staged(DbConnection c, Tree headTree) throws SQLException {
        Changes changes = changes(c);
        return TreeDiff.diff(headTree, headTree.apply(changes.puts(), changes.removals()), null);
    }

    /** Unstages everything. */
    public void clear() {
        stores.db.write(c -> {
            IndexTable.clear(c);
            return null;
        });
    }

    /**
     * Commits the staged changes on top of the current tip of the target branch (HEAD's branch unless the
     * request names one) and empties the index, in one transaction.
     *
     * @throws InvalidInputException when nothing is staged
     */
    public CommitResult commit(CommitRequest request) {
        String branch = request.branch() != null ? request.branch() : repo.head().branch();
        if (branch != null) {
            RefNames.check(branch, "branch");
        }
        List<ObjectId> extraParents = repo.resolveAll(request.extraParents());
        return writer.commitIndex(CommitTarget.onTipAtCommit(branch), request, extraParents);
    }

    /** The index as changes: staged tensors and staged removals. */
    record Changes(Map<String, TreeEntry> puts, Set<String> removals) {
        boolean isEmpty() {
            return puts.isEmpty() && removals.isEmpty();
        }
    }

    static Changes changes(DbConnection c) throws SQLException {
        Map<String, TreeEntry> puts = new TreeMap<>();
        Set<String> removals = new TreeSet<>();
        for (IndexRow row : IndexTable.rows(c)) {
            if (row.isRemoval()) {
                removals.add(row.name());
            } else {
                puts.put(row.name(), new TreeEntry(row.tensor(), row.dtype(), row.shape()));
            }
        }
        return new Changes(puts, removals);
    }
}
