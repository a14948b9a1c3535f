package dev.coral.core.repo;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.error.ConflictException;
import dev.coral.core.error.CoralException;
import dev.coral.core.dedup.TensorSketch;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Head;
import dev.coral.core.meta.IndexTable;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.ReflogTable;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.CommitResult;
import dev.coral.core.store.CommitFormat;
import dev.coral.core.store.PreparedTensor;
import dev.coral.core.store.TensorStore;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The commit protocol. First, outside any transaction, each new tensor is hashed and, unless it is stored
 * already, encoded (against the delta base {@link BaseSelector} picks) and large payloads are
 * written to object files. Then one {@code BEGIN IMMEDIATE} transaction reads the target's tip; if it moved
 * since the changes were based on it, the changes are replayed on the new tip when none of the names they
 * touch were changed in between, else the transaction fails with {@link ConflictException}. It records
 * the new tensors (and indexes them for similarity), the tree and the commit, moves the ref and appends the reflog, and commits.
 */
final class CommitWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CommitWriter.class);

    private final Stores stores;
    private final Settings settings;
    private final BaseSelector baseSelector;
    private final WalBound walBound;

    CommitWriter(Stores stores, Settings settings, WalBound walBound) {
        this.stores = stores;
        this.settings = settings;
        this.baseSelector = new BaseSelector(stores, settings);
        this.walBound = walBound;
    }

    /** The base selector of this writer, shared with {@link Repacker}. */
    BaseSelector baseSelector() {
        return baseSelector;
    }

    /**
     * Hashes and encodes {@code puts}, writing large payloads to object files. Delta bases are chosen by
     * {@link BaseSelector} ({@code baseTree} supplies the same-name candidates). Tensors are hashed, and new
     * ones encoded, in parallel when there are several.
     *
     * <p>A tensor is normally hashed first, so that one stored already (an unchanged layer committed again) is
     * not encoded at all. A large tensor under a name {@code baseTree} lacks is most likely new, though: it is
     * hashed while its object file is written and synced ({@link TensorStore#prepareHashing}), and its file
     * deleted again should its id turn out to be stored. That is done only when no other staged tensor has its
     * dtype and shape, since such a tensor could need it, by id, as a base within the change.
     */
    ChangeSet prepare(Map<String, Tensor> puts, Set<String> removals, Tree baseTree) {
        Map<Layout, Long> layouts = puts.values().stream().collect(Collectors.groupingBy(Layout::of, Collectors.counting()));
        Map<Boolean, List<Map.Entry<String, Tensor>>> hashedLate = puts.entrySet().stream().collect(Collectors.partitioningBy(
                e -> e.getValue().byteSize() > TensorStore.INLINE_LIMIT && baseTree.get(e.getKey()) == null
                        && layouts.get(Layout.of(e.getValue())) == 1));
        Map<String, ObjectId> idOfName = new HashMap<>();
        List<NewTensor> objects = new ArrayList<>();
        objects.addAll(prepareHashedFirst(hashedLate.get(false), baseTree, idOfName));
        objects.addAll(prepareHashedLate(hashedLate.get(true), idOfName));
        Map<String, TreeEntry> entries = new LinkedHashMap<>();
        puts.forEach((name, tensor) -> entries.put(name, TreeEntry.of(idOfName.get(name), tensor)));
        PausePoints.reach(PausePoints.OBJECTS_WRITTEN);
        return new ChangeSet(entries, removals, objects);
    }

    /** A tensor's dtype and shape: only tensors of one layout are delta bases of each other. */
    private record Layout(DType dtype, List<Long> shape) {
        static Layout of(Tensor t) {
            return new Layout(t.dtype(), Arrays.stream(t.shape()).boxed().toList());
        }
    }

    /** Hashes {@code staged} (recording the ids in {@code idOfName}), then encodes those not stored yet. */
    private List<NewTensor> prepareHashedFirst(List<Map.Entry<String, Tensor>> staged, Tree baseTree,
                                               Map<String, ObjectId> idOfName) {
        List<ObjectId> ids = parallelIfSeveral(staged).map(e -> TensorHasher.id(e.getValue())).toList();
        Map<ObjectId, Map.Entry<String, Tensor>> firstWithId = new LinkedHashMap<>();
        for (int i = 0; i < staged.size(); i++) {
            idOfName.put(staged.get(i).getKey(), ids.get(i));
            firstWithId.putIfAbsent(ids.get(i), staged.get(i));
        }
        List<ObjectId> missing = absent(firstWithId.keySet());
        List<Tensor> tensors = missing.stream().map(id -> firstWithId.get(id).getValue()).toList();
        List<TensorSketch> sketches = parallelIfSeveral(tensors).map(TensorSketch::of).toList();
        List<TreeEntry> previous = missing.stream().map(id -> baseTree.get(firstWithId.get(id).getKey())).toList();
        List<List<BaseCandidate>> bases = baseSelector.choose(missing, tensors, sketches, previous);
        return parallelIfSeveral(IntStream.range(0, missing.size()).boxed().toList())
                .map(i -> new NewTensor(stores.tensors.prepare(missing.get(i), tensors.get(i), bases.get(i)), sketches.get(i)))
                .toList();
    }

    /**
     * Encodes and writes {@code staged} while hashing them (recording the ids in {@code idOfName}); the files of
     * those stored already are deleted again.
     */
    private List<NewTensor> prepareHashedLate(List<Map.Entry<String, Tensor>> staged, Map<String, ObjectId> idOfName) {
        List<NewTensor> prepared = parallelIfSeveral(staged).map(e -> {
            TensorSketch sketch = TensorSketch.of(e.getValue());
            return new NewTensor(stores.tensors.prepareHashing(e.getValue(), baseSelector.storedBase(e.getValue(), sketch)),
                    sketch);
        }).toList();
        Set<ObjectId> missing = new HashSet<>(absent(prepared.stream().map(t -> t.prepared().id()).toList()));
        List<NewTensor> objects = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            PreparedTensor p = prepared.get(i).prepared();
            idOfName.put(staged.get(i).getKey(), p.id());
            if (missing.contains(p.id())) {
                objects.add(prepared.get(i));
            } else {
                stores.tensors.discard(p);
            }
        }
        return objects;
    }

    /** Those of {@code ids} the repository does not store. */
    private List<ObjectId> absent(Collection<ObjectId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return stores.read(c -> {
            List<ObjectId> absent = new ArrayList<>();
            for (ObjectId id : ids) {
                if (!stores.tensors.exists(c, id)) {
                    absent.add(id);
                }
            }
            return absent;
        });
    }

    static <T> Stream<T> parallelIfSeveral(List<T> items) {
        return items.size() > 1 ? items.parallelStream() : items.stream();
    }

    /**
     * Records the new tensors of {@code changes} (bases before the deltas against them) and indexes them for
     * similarity, in the transaction running on {@code c}.
     */
    Stored store(DbConnection c, ChangeSet changes) throws SQLException {
        int count = 0;
        long bytes = 0;
        long inDatabase = 0;
        List<String> redundant = new ArrayList<>();
        for (NewTensor t : changes.objects()) {
            if (stores.tensors.insert(c, t.prepared())) {
                baseSelector.index(c, t.prepared(), t.sketch());
                count++;
                bytes += t.prepared().storedSize();
                inDatabase += t.prepared().inline() != null ? t.prepared().inline().length : 0;
            } else if (t.prepared().file() != null) {
                redundant.add(t.prepared().file()); // another writer stored the tensor since it was prepared
            }
        }
        return new Stored(count, bytes, inDatabase, redundant);
    }

    /**
     * What {@link #store} added: how many tensors were not stored yet, their encoded bytes, and how many
     * of those bytes went into the database itself (the rest are object files); and the object files written
     * for tensors another writer stored first, which no row names.
     */
    record Stored(int count, long bytes, long inDatabase, List<String> redundantFiles) {
    }

    /**
     * Runs the commit transaction for {@code changes}. When the transaction refuses them (a conflict, nothing
     * to commit), it was rolled back before its {@code COMMIT}, so no row names the object files they wrote:
     * those are deleted again.
     */
    CommitResult commit(ChangeSet changes, CommitTarget target, CommitRequest request, List<ObjectId> extraParents) {
        try {
            return transact(request, (c, author, time) -> record(c, changes, target, request, extraParents, author, time));
        } catch (ConflictException | InvalidInputException refused) {
            for (NewTensor t : changes.objects()) {
                try {
                    stores.tensors.discard(t.prepared());
                } catch (CoralException cleanup) {
                    refused.addSuppressed(cleanup);
                }
            }
            throw refused;
        }
    }

    /** What a commit transaction wrote, kept to warm the caches once it has committed. */
    private record Recorded(CommitResult result, Tree tree, int treeDepth, long generation, Stored stored) {
    }

    /** The body of a commit transaction, given the commit's author and time. */
    @FunctionalInterface
    private interface CommitWork {
        Recorded run(DbConnection c, String author, long time) throws SQLException;
    }

    /** Runs {@code work} in one write transaction with the request's author and the current time, then acknowledges it. */
    private CommitResult transact(CommitRequest request, CommitWork work) {
        String author = request.author() != null ? request.author() : settings.userName();
        long time = System.currentTimeMillis();
        Recorded recorded = stores.db.write(c -> {
            Recorded r = work.run(c, author, time);
            PausePoints.reach(PausePoints.BEFORE_SQL_COMMIT);
            return r;
        });
        PausePoints.reach(PausePoints.AFTER_SQL_COMMIT);
        stores.trees.remember(recorded.tree(), recorded.treeDepth());
        stores.commits.remember(recorded.result().commit(), recorded.generation());
        afterWrite(recorded.stored());
        return recorded.result();
    }

    /**
     * After a transaction that recorded {@code stored} has committed: tells the log's housekeeping how many
     * payload bytes it wrote, and deletes the object files no row names (a failure to is logged; {@code coral
     * gc} deletes them later).
     */
    void afterWrite(Stored stored) {
        walBound.afterCommit(stored.inDatabase());
        for (String file : stored.redundantFiles()) {
            try {
                stores.tensors.deleteFile(file);
            } catch (CoralException e) {
                LOG.warn("could not delete the redundant object file {}: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Commits what the on-disk index stages on the target's tip at commit time, and empties the index, in one
     * transaction. The staged tensors were stored when they were added.
     */
    CommitResult commitIndex(CommitTarget target, CommitRequest request, List<ObjectId> extraParents) {
        return transact(request, (c, author, time) -> {
            Index.Changes staged = Index.changes(c);
            if (staged.isEmpty() && extraParents.isEmpty()) {
                throw new InvalidInputException("nothing to commit: the index is empty; stage tensors with `coral add`");
            }
            ChangeSet changes = new ChangeSet(staged.puts(), staged.removals(), List.of());
            Recorded r = record(c, changes, target, request, extraParents, author, time);
            IndexTable.clear(c);
            return r;
        });
    }

    private Recorded record(DbConnection c, ChangeSet changes, CommitTarget target, CommitRequest request,
                            List<ObjectId> extraParents, String author, long time) throws SQLException {
        Head head = RefTable.head(c);
        ObjectId tip = currentTip(c, target, head);
        boolean rebased = false;
        if (target.baseKnown() && !Objects.equals(tip, target.baseTip())) {
            requireNoConflict(c, changes, target, tip);
            rebased = true;
        }
        Tree parentTree = stores.treeOf(c, tip);
        Tree tree = parentTree.apply(changes.puts(), changes.removals());
        List<ObjectId> parents = new ArrayList<>();
        if (tip != null) {
            parents.add(tip);
        }
        parents.addAll(extraParents);
        if (tree.id().equals(parentTree.id()) && extraParents.isEmpty()) {
            throw new InvalidInputException("nothing to commit: the staged changes leave the tree of "
                    + (tip == null ? "the new branch" : tip.shortHex()) + " unchanged");
        }
        Stored stored = store(c, changes);
        int treeDepth = stores.trees.save(c, tree, parentTree, changedNames(parentTree, changes));
        CommitInfo commit = CommitFormat.create(tree.id(), parents, author, time, request.message(), request.metrics());
        long generation = stores.commits.insert(c, commit);
        String reason = (tip == null ? "commit (initial): " : extraParents.isEmpty() ? "commit: " : "commit (merge): ")
                + commit.subject();
        if (target.branch() != null) {
            RefTable.setBranch(c, target.branch(), commit.id());
            ReflogTable.append(c, target.branch(), tip, commit.id(), time, reason);
            if (target.branch().equals(head.branch())) {
                ReflogTable.append(c, "HEAD", tip, commit.id(), time, reason);
            }
        } else {
            RefTable.setHead(c, new Head(null, commit.id()));
            ReflogTable.append(c, "HEAD", tip, commit.id(), time, reason);
        }
        return new Recorded(result(commit, target, parentTree, changes, rebased, stored.count(), stored.bytes()), tree,
                treeDepth, generation, stored);
    }

    /** Names whose entries {@code changes} alter in {@code parent}. */
    private static Set<String> changedNames(Tree parent, ChangeSet changes) {
        Set<String> changed = new HashSet<>();
        changes.puts().forEach((name, entry) -> {
            if (!entry.equals(parent.get(name))) {
                changed.add(name);
            }
        });
        for (String name : changes.removals()) {
            if (parent.get(name) != null) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static ObjectId currentTip(DbConnection c, CommitTarget target, Head head) throws SQLException {
        if (target.branch() != null) {
            return RefTable.branch(c, target.branch());
        }
        if (!head.isDetached()) {
            throw new ConflictException("HEAD was moved to branch '" + head.branch()
                    + "' while changes were staged on a detached HEAD; nothing was committed");
        }
        return head.detached();
    }

    private void requireNoConflict(DbConnection c, ChangeSet changes, CommitTarget target, ObjectId tip)
            throws SQLException {
        String where = target.branch() != null ? "branch '" + target.branch() + "'" : "the detached HEAD";
        if (tip == null) {
            throw new ConflictException("cannot commit: " + where + " was deleted since the changes were staged on "
                    + describe(target.baseTip()) + "; nothing was committed");
        }
        Tree baseTree = stores.treeOf(c, target.baseTip());
        Tree tipTree = stores.treeOf(c, tip);
        Set<String> conflicts = new TreeSet<>();
        changes.puts().forEach((name, entry) -> {
            TreeEntry now = tipTree.get(name);
            if (!Objects.equals(baseTree.get(name), now) && !entry.equals(now)) {
                conflicts.add(name);
            }
        });
        for (String name : changes.removals()) {
            TreeEntry now = tipTree.get(name);
            if (!Objects.equals(baseTree.get(name), now) && now != null) {
                conflicts.add(name);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("cannot commit: " + conflicts.size() + " staged tensor(s) were changed on "
                    + where + " since the changes were staged (" + describe(target.baseTip()) + " → " + tip.shortHex()
                    + "): " + listed(conflicts) + "; nothing was committed — re-stage on top of "
                    + tip.shortHex() + " and commit again");
        }
    }

    private static String describe(ObjectId id) {
        return id == null ? "no commit" : id.shortHex();
    }

    private static String listed(Set<String> names) {
        String shown = names.stream().limit(10).collect(Collectors.joining(", "));
        return names.size() > 10 ? shown + ", … " + (names.size() - 10) + " more" : shown;
    }

    private static CommitResult result(CommitInfo commit, CommitTarget target, Tree parentTree, ChangeSet changes,
                                       boolean rebased, int newObjects, long bytesWritten) {
        Set<String> added = new TreeSet<>();
        Set<String> modified = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        changes.puts().forEach((name, entry) -> {
            TreeEntry before = parentTree.get(name);
            if (before == null) {
                added.add(name);
            } else if (!before.equals(entry)) {
                modified.add(name);
            }
        });
        for (String name : changes.removals()) {
            if (parentTree.get(name) != null && !changes.puts().containsKey(name)) {
                removed.add(name);
            }
        }
        return new CommitResult(commit, target.branch(), List.copyOf(added), List.copyOf(modified),
                List.copyOf(removed), rebased, newObjects, bytesWritten);
    }
}
