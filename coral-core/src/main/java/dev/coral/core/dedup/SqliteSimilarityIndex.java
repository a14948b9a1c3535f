package dev.coral.core.dedup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coral.core.error.CoralException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link SimilarityIndex} stored in the repository's SQLite database, so every process and every
 * later session sees the tensors indexed before it.
 *
 * <p>It runs on a connection owned by the caller and inside the caller's transaction: it creates its
 * tables if missing ({@code sim_sketch}, {@code sim_bucket}) but never commits or rolls back. Calls
 * are serialized on this object; a JDBC connection is not meant for concurrent use anyway. A lookup
 * reads the bucket table only; the sketches it names are read once and then kept in memory (an id's
 * sketch never changes).
 *
 * <pre>{@code
 * try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + path)) {
 *     SimilarityIndex index = new SqliteSimilarityIndex(db);
 *     index.add(id, TensorSketch.of(tensor));
 * }
 * }</pre>
 */
public final class SqliteSimilarityIndex implements SimilarityIndex {
    private static final String CREATE_SKETCHES = "CREATE TABLE IF NOT EXISTS sim_sketch ("
            + "id BLOB PRIMARY KEY, dtype TEXT NOT NULL, shape TEXT NOT NULL, sample BLOB NOT NULL) WITHOUT ROWID";
    private static final String CREATE_BUCKETS = "CREATE TABLE IF NOT EXISTS sim_bucket ("
            + "bucket INTEGER NOT NULL, id BLOB NOT NULL, PRIMARY KEY (bucket, id)) WITHOUT ROWID";
    private static final String BUCKET_KEYS = "(" + String.join(",", Collections.nCopies(TensorSketch.BANDS, "?")) + ")";
    private static final String LOOKUP = "SELECT id FROM sim_bucket WHERE bucket IN " + BUCKET_KEYS;
    private static final String LOOKUP_WITH_SKETCHES = "SELECT s.id, s.dtype, s.shape, s.sample FROM sim_bucket b "
            + "JOIN sim_sketch s ON s.id = b.id WHERE b.bucket IN " + BUCKET_KEYS;
    /** From this many uncached hits on, a lookup reads all its sketches in one query instead of one by one. */
    private static final int BULK_LOAD_FROM = 4;
    /** Sketches kept in memory; they never change for an id, so the cache is never stale. */
    private static final int CACHED_SKETCHES = 200_000;

    private final PreparedStatement insertSketch;
    private final PreparedStatement insertBucket;
    private final PreparedStatement lookup;
    private final PreparedStatement lookupWithSketches;
    private final PreparedStatement loadSketch;
    private final PreparedStatement count;
    private final Cache<ObjectId, TensorSketch> sketches;

    /**
     * Uses {@code db}, creating the index tables when they do not exist yet.
     *
     * @throws CoralException when the database cannot be used
     */
    public SqliteSimilarityIndex(Connection db) {
        this(db, Caffeine.newBuilder().maximumSize(CACHED_SKETCHES).executor(Runnable::run).build());
    }

    /**
     * An index on {@code db}, another connection to the database {@code other} indexes, that shares
     * {@code other}'s cache of sketches (a sketch never changes for an id, so every connection may use
     * what any of them read).
     */
    public static SqliteSimilarityIndex sharingSketches(Connection db, SqliteSimilarityIndex other) {
        return new SqliteSimilarityIndex(db, other.sketches);
    }

    private SqliteSimilarityIndex(Connection db, Cache<ObjectId, TensorSketch> sketches) {
        this.sketches = sketches;
        try (Statement s = db.createStatement()) {
            s.execute(CREATE_SKETCHES);
            s.execute(CREATE_BUCKETS);
            insertSketch = db.prepareStatement("INSERT OR IGNORE INTO sim_sketch (id, dtype, shape, sample) VALUES (?, ?, ?, ?)");
            insertBucket = db.prepareStatement("INSERT OR IGNORE INTO sim_bucket (bucket, id) VALUES "
                    + String.join(", ", Collections.nCopies(TensorSketch.BANDS, "(?, ?)")));
            lookup = db.prepareStatement(LOOKUP);
            lookupWithSketches = db.prepareStatement(LOOKUP_WITH_SKETCHES);
            loadSketch = db.prepareStatement("SELECT dtype, shape, sample FROM sim_sketch WHERE id = ?");
            count = db.prepareStatement("SELECT count(*) FROM sim_sketch");
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    @Override
    public synchronized void add(ObjectId id, TensorSketch sketch) {
        if (!sketch.isUsable()) {
            return;
        }
        byte[] key = id.toBytes();
        try {
            insertSketch.setBytes(1, key);
            insertSketch.setString(2, sketch.dtype().label());
            insertSketch.setString(3, formatShape(sketch.shape()));
            insertSketch.setBytes(4, sketch.sampleBytes());
            if (insertSketch.executeUpdate() == 0) {
                return;
            }
            long[] buckets = sketch.bucketKeys();
            for (int i = 0; i < buckets.length; i++) {
                insertBucket.setLong(2 * i + 1, buckets[i]);
                insertBucket.setBytes(2 * i + 2, key);
            }
            insertBucket.executeUpdate();
            sketches.put(id, sketch);
        } catch (SQLException e) {
            throw failure("add " + id.shortHex() + " to", e);
        }
    }

    @Override
    public synchronized List<Candidate> candidates(TensorSketch sketch, double minEstimatedCosine, int limit) {
        if (!sketch.isUsable()) {
            return List.of();
        }
        CandidateRanking ranking = new CandidateRanking(sketch, minEstimatedCosine);
        try {
            long[] keys = sketch.bucketKeys();
            List<ObjectId> hits = new ArrayList<>();
            try (ResultSet rows = query(lookup, keys)) {
                while (rows.next()) {
                    hits.add(ObjectId.fromBytes(rows.getBytes(1)));
                }
            }
            if (hits.stream().filter(id -> sketches.getIfPresent(id) == null).limit(BULK_LOAD_FROM).count() >= BULK_LOAD_FROM) {
                loadAll(keys);
            }
            for (ObjectId id : hits) {
                TensorSketch stored = sketches.getIfPresent(id);
                if (stored == null) {
                    stored = load(id);
                    sketches.put(id, stored);
                }
                ranking.consider(id, stored);
            }
        } catch (SQLException e) {
            throw failure("query", e);
        }
        return ranking.best(limit);
    }

    private static ResultSet query(PreparedStatement statement, long[] keys) throws SQLException {
        for (int i = 0; i < keys.length; i++) {
            statement.setLong(i + 1, keys[i]);
        }
        return statement.executeQuery();
    }

    /** Reads every sketch in the given buckets into the cache with one query. */
    private void loadAll(long[] keys) throws SQLException {
        try (ResultSet rows = query(lookupWithSketches, keys)) {
            while (rows.next()) {
                ObjectId id = ObjectId.fromBytes(rows.getBytes(1));
                if (sketches.getIfPresent(id) == null) {
                    sketches.put(id, TensorSketch.fromParts(DType.parse(rows.getString(2)),
                            parseShape(rows.getString(3)), rows.getBytes(4)));
                }
            }
        }
    }

    private TensorSketch load(ObjectId id) throws SQLException {
        loadSketch.setBytes(1, id.toBytes());
        try (ResultSet row = loadSketch.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("bucket entry for " + id.shortHex() + " has no sketch");
            }
            return TensorSketch.fromParts(DType.parse(row.getString(1)), parseShape(row.getString(2)), row.getBytes(3));
        }
    }

    @Override
    public synchronized int size() {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw failure("count", e);
        }
    }

    private static String formatShape(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    private static long[] parseShape(String text) {
        return text.isEmpty() ? new long[0] : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static CoralException failure(String action, SQLException e) {
        return new CoralException("cannot " + action + " the similarity index: " + e.getMessage(), e);
    }
}
