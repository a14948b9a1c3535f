package dev.coral.core.repo;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Head;
import dev.coral.core.meta.IndexRow;
import dev.coral.core.meta.IndexTable;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.TagRecord;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.FsckProblem;
import dev.coral.core.result.FsckResult;
import dev.coral.core.store.StoredTensorInfo;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a whole repository: every tensor (checksum, decoding, re-hash against its id, delta base
 * present), every tree and commit (re-hashed from the stored rows, not from caches), and every reference
 * between them: tree entries to tensors (with matching dtype and shape), commits to trees and parents,
 * branches, tags, HEAD and index entries to what they name.
 */
final class Fsck {
    private final Stores stores;
    private final List<FsckProblem> problems = new ArrayList<>();

    Fsck(Stores stores) {
        this.stores = stores;
    }

    FsckResult run() {
        stores.trees.invalidateCache();
        stores.commits.invalidateCache();
        List<StoredTensorInfo> tensorRows = stores.read(stores.tensors::all);
        Map<ObjectId, StoredTensorInfo> tensors = new HashMap<>();
        tensorRows.forEach(t -> tensors.put(t.id(), t));
        for (StoredTensorInfo info : tensorRows) {
            checkTensor(info, tensors);
        }
        return stores.read(c -> {
            Set<ObjectId> trees = checkTrees(c, tensors);
            long commits = checkCommits(c, trees);
            long refs = checkRefs(c, tensors.keySet());
            return new FsckResult(tensorRows.size(), trees.size(), commits, refs, problems);
        });
    }

    private void checkTensor(StoredTensorInfo info, Map<ObjectId, StoredTensorInfo> all) {
        String id = info.id().hex();
        if (info.codec() == null) {
            problems.add(new FsckProblem(id, "unknown codec"));
            return;
        }
        if (info.base() != null && !all.containsKey(info.base())) {
            problems.add(new FsckProblem(id, "its delta base " + info.base().hex() + " is missing"));
            return;
        }
        try {
            Tensor t = stores.tensors.verify(info.id());
            if (t.byteSize() != info.rawSize()) {
                problems.add(new FsckProblem(id, "decodes to " + t.byteSize() + " bytes, expected " + info.rawSize()));
            }
        } catch (CorruptObjectException e) {
            problems.add(new FsckProblem(id, e.getMessage()));
        }
    }

    private Set<ObjectId> checkTrees(DbConnection c, Map<ObjectId, StoredTensorInfo> tensors) throws SQLException {
        Set<ObjectId> ok = new HashSet<>();
        Set<ObjectId> entriesChecked = new HashSet<>();
        for (ObjectId id : stores.trees.allIds(c)) {
            Tree tree;
            try {
                tree = stores.trees.load(c, id);
            } catch (CorruptObjectException e) {
                problems.add(new FsckProblem(id.hex(), e.getMessage()));
                continue;
            }
            ok.add(id);
            tree.forEach((name, entry) -> {
                if (entriesChecked.add(entry.id())) {
                    checkEntry(id, name, entry, tensors);
                }
            });
        }
        return ok;
    }

    /** Checks a tree entry against the stored tensor; ids cover dtype and shape, so one check per id suffices. */
    private void checkEntry(ObjectId tree, String name, TreeEntry entry, Map<ObjectId, StoredTensorInfo> tensors) {
        StoredTensorInfo info = tensors.get(entry.id());
        if (info == null) {
            problems.add(new FsckProblem(entry.id().hex(), "tree " + tree.shortHex() + " names it as '" + name
                    + "' but it is not stored"));
        } else if (info.rawSize() != entry.bytes()) {
            problems.add(new FsckProblem(entry.id().hex(), "tree " + tree.shortHex() + " records '" + name + "' as " + entry
                    + " (" + entry.bytes() + " bytes) but the stored tensor has " + info.rawSize() + " bytes"));
        }
    }

    private long checkCommits(DbConnection c, Set<ObjectId> trees) throws SQLException {
        List<ObjectId> ids = stores.commits.allIds(c);
        Set<ObjectId> all = new HashSet<>(ids);
        for (ObjectId id : ids) {
            CommitInfo commit;
            try {
                commit = stores.commits.load(c, id).info();
            } catch (CorruptObjectException e) {
                problems.add(new FsckProblem(id.hex(), e.getMessage()));
                continue;
            }
            if (!trees.contains(commit.tree()) && !commit.tree().equals(Tree.EMPTY.id())) {
                problems.add(new FsckProblem(id.hex(), "its tree " + commit.tree().hex() + " is missing or corrupt"));
            }
            for (ObjectId parent : commit.parents()) {
                if (!all.contains(parent)) {
                    problems.add(new FsckProblem(id.hex(), "its parent " + parent.hex() + " is missing"));
                }
            }
        }
        return ids.size();
    }

    private long checkRefs(DbConnection c, Set<ObjectId> tensors) throws SQLException {
        long checked = 0;
        for (Map.Entry<String, ObjectId> b : RefTable.branches(c).entrySet()) {
            checked++;
            requireCommit(c, "branch " + b.getKey(), b.getValue());
        }
        for (TagRecord tag : RefTable.tags(c)) {
            checked++;
            requireCommit(c, "tag " + tag.name(), tag.target());
        }
        Head head = RefTable.head(c);
        checked++;
        if (head.isDetached()) {
            requireCommit(c, "HEAD", head.detached());
        }
        for (IndexRow row : IndexTable.rows(c)) {
            checked++;
            if (!row.isRemoval() && !tensors.contains(row.tensor())) {
                problems.add(new FsckProblem("index " + row.name(), "staged tensor " + row.tensor().hex() + " is not stored"));
            }
        }
        return checked;
    }

    private void requireCommit(DbConnection c, String ref, ObjectId id) throws SQLException {
        if (stores.commits.find(c, id) == null) {
            problems.add(new FsckProblem(ref, "points at " + id.hex() + ", which is not a stored commit"));
        }
    }
}
