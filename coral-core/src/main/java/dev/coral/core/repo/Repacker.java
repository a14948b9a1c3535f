package dev.coral.core.repo;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.dedup.InMemorySimilarityIndex;
import dev.coral.core.dedup.SimilarityFinder;
import dev.coral.core.dedup.SimilarityIndex;
import dev.coral.core.dedup.TensorSketch;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Ids;
import dev.coral.core.result.RepackResult;
import dev.coral.core.store.PreparedTensor;
import dev.coral.core.store.StoredTensorInfo;
import dev.coral.core.tensor.Tensor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-encodes every stored tensor with the repository's current settings (zstd level, chain-depth limit,
 * similarity threshold). Tensors are visited from the shallowest chain depth up, so a base is final before
 * the deltas against it. For each, the candidates are its current base and the most similar (cosine at
 * least {@code dedup.threshold}) of the tensors repacked before it that are stored whole; the codec keeps the smallest verified encoding, and it replaces the stored one when it
 * is smaller, when the stored one is deeper than the limit, or when the stored depth is stale (its base was
 * re-encoded shallower). The content, hence the id, never changes.
 *
 * <p><b>Crash safety.</b> Each replacement is one transaction that rewrites one row; a large payload's new
 * file is written (and with durability {@code full} fsynced) before it, and the old file deleted only after
 * it commits. A repack killed at any point leaves every tensor readable, in its old or its new form; at worst
 * one object file no row names stays behind (the new one, or the old one of the last replacement). Such
 * files are not deleted here: a concurrent commit's freshly written file looks the same until it commits.
 *
 * <p><b>No cycles.</b> Along every base link the recorded depth strictly decreases: a tensor that others
 * use as a base is never given a deeper chain than it has (checked again inside the replacing transaction),
 * and new bases are tensors repacked earlier and stored whole.
 */
final class Repacker {
    /** Index additions of tensors that needed no rewrite are written in transactions of this many. */
    private static final int INDEX_BATCH = 256;

    private final Stores stores;
    private final BaseSelector baseSelector;
    private final SimilarityFinder earlierWholes;
    private final SimilarityIndex earlierWholesIndex = new InMemorySimilarityIndex();

    Repacker(Stores stores, Settings settings, BaseSelector baseSelector) {
        this.stores = stores;
        this.baseSelector = baseSelector;
        this.earlierWholes = new SimilarityFinder(earlierWholesIndex, settings.similarityThreshold());
    }

    RepackResult run() {
        List<StoredTensorInfo> all = new ArrayList<>(stores.read(stores.tensors::all));
        all.removeIf(info -> info.codec() == null);
        all.sort(Comparator.comparingInt(StoredTensorInfo::depth));
        Set<ObjectId> bases = all.stream().map(StoredTensorInfo::base).filter(Objects::nonNull).collect(Collectors.toSet());
        long rewritten = 0;
        long deltasAfter = 0;
        long bytesAfter = 0;
        Map<ObjectId, TensorSketch> toIndex = new LinkedHashMap<>();
        long indexed = 0;
        for (StoredTensorInfo before : all) {
            StoredTensorInfo now = repackOne(before.id(), bases.contains(before.id()), toIndex);
            if (now.base() != null) {
                bases.add(now.base());
            }
            rewritten += now.equals(before) ? 0 : 1;
            deltasAfter += now.codec().isDelta() ? 1 : 0;
            bytesAfter += now.storedSize();
            if (toIndex.size() >= INDEX_BATCH) {
                indexed += index(toIndex);
            }
        }
        indexed += index(toIndex);
        long deltasBefore = all.stream().filter(i -> i.codec().isDelta()).count();
        long bytesBefore = all.stream().mapToLong(StoredTensorInfo::storedSize).sum();
        return new RepackResult(all.size(), rewritten, deltasBefore, deltasAfter, bytesBefore, bytesAfter, indexed);
    }

    /** Re-encodes one tensor; returns how it is stored afterwards. Whole tensors go to {@code toIndex}. */
    private StoredTensorInfo repackOne(ObjectId id, boolean isBase, Map<ObjectId, TensorSketch> toIndex) {
        StoredTensorInfo current = stores.tensors.info(id);
        Tensor tensor = stores.cachedTensor(id);
        TensorSketch sketch = TensorSketch.of(tensor);
        int limit = baseSelector.maxChainDepth();
        // a tensor other deltas rest on must not get deeper, or their recorded depths would understate theirs
        int deepest = isBase ? Math.min(limit, current.depth()) : limit;
        List<BaseCandidate> candidates = new ArrayList<>();
        if (current.base() != null) {
            candidates.add(new BaseCandidate(current.base(), stores.cachedTensor(current.base()),
                    stores.tensors.info(current.base()).depth()));
        }
        if (limit > 0) {
            earlierWholes.find(tensor, sketch, stores::cachedTensor)
                    .filter(m -> !m.id().equals(current.base()))
                    .ifPresent(m -> candidates.add(new BaseCandidate(m.id(), m.tensor(), 0)));
        }
        candidates.removeIf(c -> c.depth() + 1 > deepest);
        PreparedTensor fresh = stores.tensors.prepare(id, tensor, candidates);
        boolean smaller = fresh.storedSize() < current.storedSize();
        boolean tooDeep = current.depth() > limit;
        boolean staleDepth = current.base() != null
                && current.depth() != stores.tensors.info(current.base()).depth() + 1;
        if (!smaller && !tooDeep && !staleDepth) {
            return keep(current, fresh, sketch, toIndex);
        }
        PausePoints.reach(PausePoints.REPACK_ENCODED);
        Replacement done = stores.db.write(c -> {
            if (fresh.encoded().depth() > stores.tensors.info(id).depth() && hasDependents(c, id)) {
                return new Replacement(false, null); // a commit made it a base meanwhile: keep the old form
            }
            return new Replacement(true, stores.tensors.replace(c, fresh));
        });
        if (!done.replaced()) {
            return keep(current, fresh, sketch, toIndex);
        }
        if (fresh.encoded().depth() == 0) {
            whole(id, sketch, toIndex);
        }
        PausePoints.reach(PausePoints.REPACK_REPLACED);
        if (done.previousFile() != null) {
            stores.tensors.deleteFile(done.previousFile());
        }
        return stores.tensors.info(id);
    }

    /** Keeps the stored form {@code current}: drops the unused {@code fresh} one; returns {@code current}. */
    private StoredTensorInfo keep(StoredTensorInfo current, PreparedTensor fresh, TensorSketch sketch,
                                  Map<ObjectId, TensorSketch> toIndex) {
        stores.tensors.discard(fresh);
        if (current.depth() == 0) {
            whole(current.id(), sketch, toIndex);
        }
        return current;
    }

    /** Whether the stored form was replaced, and the object file it leaves unreferenced (or null). */
    private record Replacement(boolean replaced, String previousFile) {
    }

    /** Records that {@code id} ends the repack stored whole: a base for later ones, and indexed. */
    private void whole(ObjectId id, TensorSketch sketch, Map<ObjectId, TensorSketch> toIndex) {
        earlierWholesIndex.add(id, sketch);
        toIndex.put(id, sketch);
    }

    private static boolean hasDependents(DbConnection c, ObjectId id) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT 1 FROM tensors WHERE base = ? LIMIT 1");
        Ids.bind(ps, 1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Adds the pending sketches to the similarity index in one transaction; returns how many were new. */
    private long index(Map<ObjectId, TensorSketch> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        long added = stores.db.write(c -> {
            long before = countIndexed(c);
            pending.forEach((id, sketch) -> baseSelector.index(c, id, sketch));
            return countIndexed(c) - before;
        });
        pending.clear();
        return added;
    }

    private static long countIndexed(DbConnection c) throws SQLException {
        try (ResultSet rs = c.prepare("SELECT count(*) FROM sim_sketch").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
