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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String INSERT_SKETCH = "INSERT OR IGNORE INTO sim_sketch (id, dtype, shape, sample) VALUES (?, ?, ?, ?)";
    private static final String INSERT_BUCKETS = "INSERT OR IGNORE INTO sim_bucket (bucket, id) VALUES "
            + String.join(", ", Collections.nCopies(TensorSketch.BANDS, "(?, ?)"));
    private static final String LOAD_SKETCH = "SELECT dtype, shape, sample FROM sim_sketch WHERE id = ?";
    private static final String COUNT = "SELECT count(*) FROM sim_sketch";

    private final Connection db;
    /** Prepared on first use: a reading connection only ever looks up, a writing one mostly inserts. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Cache<ObjectId, TensorSketch> sketches;

    /**
     * Uses {@code db}, creating the index tables when they do not exist yet.
     *
     * @throws CoralException when the database cannot be used
     */
    public SqliteSimilarityIndex(Connection db) {
        this(db, newSketchCache());
        try {
            createTables(db);
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /** An index on {@code db}, whose database has the index tables already (see {@link #createTables}). */
    public static SqliteSimilarityIndex onExistingTables(Connection db) {
        return new SqliteSimilarityIndex(db, newSketchCache());
    }

    private static Cache<ObjectId, TensorSketch> newSketchCache() {
        return Caffeine.newBuilder().maximumSize(CACHED_SKETCHES).executor(Runnable::run).build();
    }

    /**
     * An index on {@code db}, another connection to the database {@code other} indexes (so the tables exist),
     * that shares {@code other}'s cache of sketches (a sketch never changes for an id, so every connection
     * may use what any of them read).
     */
    public static SqliteSimilarityIndex sharingSketches(Connection db, SqliteSimilarityIndex other) {
        return new SqliteSimilarityIndex(db, other.sketches);
    }

    private SqliteSimilarityIndex(Connection db, Cache<ObjectId, TensorSketch> sketches) {
        this.db = db;
        this.sketches = sketches;
    }

    /** Creates the index tables in the database of {@code db} unless they exist. */
    public static void createTables(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(CREATE_SKETCHES);
            s.execute(CREATE_BUCKETS);
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    @Override
    public synchronized void add(ObjectId id, TensorSketch sketch) {
        if (!sketch.isUsable()) {
            return;
        }
        byte[] key = id.toBytes();
        try {
            PreparedStatement insertSketch = statement(INSERT_SKETCH);
            insertSketch.setBytes(1, key);
            insertSketch.setString(2, sketch.dtype().label());
            insertSketch.setString(3, formatShape(sketch.shape()));
            insertSketch.setBytes(4, sketch.sampleBytes());
            if (insertSketch.executeUpdate() == 0) {
                return;
            }
            long[] buckets = sketch.bucketKeys();
            PreparedStatement insertBucket = statement(INSERT_BUCKETS);
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
            try (ResultSet rows = query(statement(LOOKUP), keys)) {
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
        try (ResultSet rows = query(statement(LOOKUP_WITH_SKETCHES), keys)) {
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
        PreparedStatement loadSketch = statement(LOAD_SKETCH);
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
        try (ResultSet rows = statement(COUNT).executeQuery()) {
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
