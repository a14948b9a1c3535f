package dev.coral.core.repo;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.dedup.InMemorySimilarityIndex;
import dev.coral.core.dedup.SimilarityFinder;
import dev.coral.core.dedup.SimilarityIndex;
import dev.coral.core.dedup.SqliteSimilarityIndex;
import dev.coral.core.dedup.TensorSketch;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.store.PreparedTensor;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Chooses the delta bases of the tensors a change stores, and keeps the repository's persistent
 * similarity index ({@link SqliteSimilarityIndex}, tables {@code sim_sketch} and {@code sim_bucket} of the
 * repository database, so every process and every later session sees what was indexed).
 *
 * <p>A new tensor's base is, in this order:
 * <ol>
 *   <li>the same-name tensor of the tree the change is based on, when it has the same dtype and shape and a
 *       delta against it stays within the chain-depth limit;</li>
 *   <li>else a stored tensor of the same dtype and shape whose cosine with it is at least
 *       {@code dedup.threshold}, found through the similarity index and confirmed on the full tensors;</li>
 *   <li>else an earlier tensor of the same change that has no base (it will be stored whole), confirmed the
 *       same way, so that a change holding many near-copies stores one of them whole.</li>
 * </ol>
 * Only tensors stored whole are indexed, so a base found by similarity is always at depth 0 and the delta
 * at depth 1: near copies of one reference are about equally good bases, and picking among them freely
 * would let chains grow to the limit, past which a full copy is stored (chains along one name's history
 * come from the first rule). Among confirmed similar tensors the most similar wins. The codec still keeps
 * the smallest encoding, so a proposed base that does not pay is not used.
 */
final class BaseSelector {
    private final Stores stores;
    private final Settings settings;
    /** One index per connection: its prepared statements belong to that connection. */
    private final Map<DbConnection, SqliteSimilarityIndex> indexes = new ConcurrentHashMap<>();

    BaseSelector(Stores stores, Settings settings) {
        this.stores = stores;
        this.settings = settings;
        if (!stores.read(BaseSelector::indexExists)) {
            stores.db.write(c -> {
                SqliteSimilarityIndex.createTables(c.jdbc());
                return null;
            });
        }
    }

    /**
     * The delta bases of each of {@code tensors} (none stored yet, distinct ids, in the order they will be
     * recorded): {@code previous.get(i)} is the same-name entry of the base tree or null.
     */
    List<List<BaseCandidate>> choose(List<ObjectId> ids, List<Tensor> tensors, List<TensorSketch> sketches,
                                     List<TreeEntry> previous) {
        int n = tensors.size();
        List<List<BaseCandidate>> chosen = new ArrayList<>(
                CommitWriter.parallelIfSeveral(IntStream.range(0, n).boxed().toList())
                        .map(i -> stored(tensors.get(i), sketches.get(i), previous.get(i))).toList());
        if (maxChainDepth() == 0) {
            return chosen;
        }
        SimilarityFinder withinChange = null;
        InMemorySimilarityIndex wholes = null;
        Map<ObjectId, Tensor> wholeTensors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!chosen.get(i).isEmpty() || !sketches.get(i).isUsable()) {
                continue;
            }
            if (withinChange == null) {
                wholes = new InMemorySimilarityIndex();
                withinChange = new SimilarityFinder(wholes, settings.similarityThreshold());
            }
            Optional<SimilarityFinder.Match> m = withinChange.find(tensors.get(i), sketches.get(i), wholeTensors::get);
            if (m.isPresent()) {
                chosen.set(i, List.of(new BaseCandidate(m.get().id(), m.get().tensor(), 0)));
            } else {
                wholes.add(ids.get(i), sketches.get(i));
                wholeTensors.put(ids.get(i), tensors.get(i));
            }
        }
        return chosen;
    }

    /**
     * A base among the tensors already stored for {@code tensor}, which is under a name new to the tree: a
     * similar one, or none.
     */
    List<BaseCandidate> storedBase(Tensor tensor, TensorSketch sketch) {
        return stored(tensor, sketch, null);
    }

    /** A base among the tensors already stored: the same-name one, else a similar one. */
    private List<BaseCandidate> stored(Tensor tensor, TensorSketch sketch, TreeEntry previous) {
        if (previous != null && previous.sameLayout(tensor.dtype(), tensor.shape())) {
            int depth = stores.tensors.info(previous.id()).depth();
            if (depth < maxChainDepth()) {
                return List.of(new BaseCandidate(previous.id(), stores.cachedTensor(previous.id()), depth));
            }
        }
        if (!sketch.isUsable() || maxChainDepth() == 0) {
            return List.of();
        }
        // a repack may have re-encoded an indexed tensor as a delta since: only whole ones are bases here
        Optional<SimilarityFinder.Match> match = new SimilarityFinder(this::storedCandidates, settings.similarityThreshold())
                .find(tensor, sketch, id -> stores.tensors.info(id).depth() == 0 ? stores.cachedTensor(id) : null);
        return match.map(m -> List.of(new BaseCandidate(m.id(), m.tensor(), 0))).orElse(List.of());
    }

    /**
     * Candidates from the persistent index, looked up on a pooled connection that is given back before
     * they are confirmed, so that confirming (which reads the candidates) takes the same connection again
     * rather than opening another one.
     */
    private List<SimilarityIndex.Candidate> storedCandidates(TensorSketch sketch, double minEstimatedCosine, int limit) {
        return stores.read(c -> indexOf(c).candidates(sketch, minEstimatedCosine, limit));
    }

    int maxChainDepth() {
        return settings.codecSettings().maxChainDepth();
    }

    /** Indexes {@code stored}, just recorded by the transaction running on {@code c}, if it is stored whole. */
    void index(DbConnection c, PreparedTensor stored, TensorSketch sketch) {
        if (stored.encoded().depth() == 0) {
            index(c, stored.id(), sketch);
        }
    }

    /** Indexes tensor {@code id}, stored whole, in the transaction running on {@code c} (nothing when indexed already). */
    void index(DbConnection c, ObjectId id, TensorSketch sketch) {
        indexOf(c).add(id, sketch);
    }

    /** The index on connection {@code c}; the constructor made sure its tables exist. */
    private SqliteSimilarityIndex indexOf(DbConnection c) {
        return indexes.computeIfAbsent(c, conn -> indexes.values().stream().findAny()
                .map(other -> SqliteSimilarityIndex.sharingSketches(conn.jdbc(), other))
                .orElseGet(() -> SqliteSimilarityIndex.onExistingTables(conn.jdbc())));
    }

    private static boolean indexExists(DbConnection c) throws SQLException {
        try (ResultSet rs = c.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name IN ('sim_sketch', 'sim_bucket')").executeQuery()) {
            return rs.next() && rs.getInt(1) == 2;
        }
    }
}
