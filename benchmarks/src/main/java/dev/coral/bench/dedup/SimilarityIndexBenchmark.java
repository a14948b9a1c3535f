package dev.coral.bench.dedup;

import dev.coral.bench.DirectoryTrees;
import dev.coral.core.dedup.InMemorySimilarityIndex;
import dev.coral.core.dedup.SimilarityIndex;
import dev.coral.core.dedup.SqliteSimilarityIndex;
import dev.coral.core.dedup.TensorSketch;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Similarity index at 10,000 tensors of mixed shapes (eight shapes from 16×16 to 128×256, float32).
 * {@code lookup}: candidates for a tensor similar (cosine ≈ 0.99) to a random indexed one — half of
 * the queries — or unrelated to all of them; for SQLite through a second connection and index object,
 * as another process would see it (its sketch cache warms up during the run).
 * {@code freshLookups1000}: 1,000 lookups through a new connection and index object (cold cache).
 * {@code insert10k}: building the whole index from sketches (single shot; for SQLite one transaction
 * on a WAL database in a temp directory).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimilarityIndexBenchmark}
 */
@State(Scope.Benchmark)
@Fork(1)
public class SimilarityIndexBenchmark {
    static final int TENSORS = 10_000;
    private static final long[][] SHAPES = {{16, 16}, {32, 32}, {64, 64}, {100, 100}, {128, 64}, {256}, {8, 8, 3}, {128, 256}};

    @Param({"memory", "sqlite"})
    public String kind;

    private final List<ObjectId> ids = new ArrayList<>();
    private final List<TensorSketch> sketches = new ArrayList<>();
    private final List<TensorSketch> queries = new ArrayList<>();
    private SimilarityIndex index;
    private Connection db;
    private final List<Connection> readers = new ArrayList<>();
    private Path dir;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (int i = 0; i < TENSORS; i++) {
            Tensor t = Tensor.randn(i, SHAPES[i % SHAPES.length]);
            ids.add(TensorHasher.id(t));
            sketches.add(TensorSketch.of(t));
            if (i % 10 == 0) {
                queries.add(TensorSketch.of(t.plus(Tensor.randn(TENSORS + i, t.shape()).times(0.1))));
                queries.add(TensorSketch.of(Tensor.randn(2 * TENSORS + i, t.shape())));
            }
        }
        index = newIndex();
        fill(index);
        if (db != null) {
            index = new SqliteSimilarityIndex(openDatabase());
        }
    }

    private Connection openDatabase() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
        readers.add(c);
        return c;
    }

    private SimilarityIndex newIndex() throws IOException, SQLException {
        if (kind.equals("memory")) {
            return new InMemorySimilarityIndex();
        }
        closeDatabase();
        dir = Files.createTempDirectory("coral-sim-bench");
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
        }
        db.setAutoCommit(false);
        return new SqliteSimilarityIndex(db);
    }

    private void fill(SimilarityIndex target) throws SQLException {
        for (int i = 0; i < TENSORS; i++) {
            target.add(ids.get(i), sketches.get(i));
        }
        if (db != null) {
            db.commit();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<SimilarityIndex.Candidate> lookup() {
        TensorSketch q = queries.get(next++ % queries.size());
        return index.candidates(q, 0.85, 4);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int freshLookups1000() throws SQLException {
        SimilarityIndex fresh = db == null ? index : new SqliteSimilarityIndex(openDatabase());
        int found = 0;
        for (int i = 0; i < 1000; i++) {
            found += fresh.candidates(queries.get(next++ % queries.size()), 0.85, 4).size();
        }
        return found;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SimilarityIndex insert10k() throws Exception {
        SimilarityIndex fresh = newIndex();
        fill(fresh);
        return fresh;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        closeDatabase();
    }

    private void closeDatabase() throws SQLException {
        for (Connection c : readers) {
            c.close();
        }
        readers.clear();
        if (db != null) {
            db.close();
            db = null;
        }
        if (dir != null) {
            DirectoryTrees.delete(dir);
            dir = null;
        }
    }
}
