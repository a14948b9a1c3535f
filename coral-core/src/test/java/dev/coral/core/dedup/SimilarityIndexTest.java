package dev.coral.core.dedup;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimilarityIndexTest {
    @TempDir
    Path dir;

    @Test
    void inMemoryIndexFindsSimilarTensorsOfTheSameKindOnly() {
        checkContract(new InMemorySimilarityIndex());
    }

    @Test
    void sqliteIndexFindsSimilarTensorsOfTheSameKindOnly() throws SQLException {
        try (Connection db = open()) {
            checkContract(new SqliteSimilarityIndex(db));
        }
    }

    private void checkContract(SimilarityIndex index) {
        Tensor base = Tensor.randn(1, 64, 64);
        ObjectId baseId = TensorHasher.id(base);
        index.add(baseId, TensorSketch.of(base));
        index.add(baseId, TensorSketch.of(base));
        Tensor other = Tensor.randn(2, 64, 64);
        index.add(TensorHasher.id(other), TensorSketch.of(other));
        Tensor sameDataOtherShape = base.reshape(32, 128);
        index.add(TensorHasher.id(sameDataOtherShape), TensorSketch.of(sameDataOtherShape));
        index.add(TensorHasher.id(Tensor.zeros(DType.FLOAT32, 64, 64)), TensorSketch.of(Tensor.zeros(DType.FLOAT32, 64, 64)));
        assertEquals(3, index.size(), "duplicates and unusable sketches are not indexed");

        Tensor similar = base.plus(Tensor.randn(3, 64, 64).times(0.05));
        List<SimilarityIndex.Candidate> found = index.candidates(TensorSketch.of(similar), 0.85, 4);
        assertEquals(1, found.size(), found.toString());
        assertEquals(baseId, found.get(0).id());
        assertTrue(found.get(0).estimatedCosine() > 0.99);
        assertTrue(index.candidates(TensorSketch.of(Tensor.randn(9, 64, 64)), 0.85, 4).isEmpty());
    }

    @Test
    void sqliteIndexPersistsAcrossConnectionsAndRunsInTheCallersTransaction() throws SQLException {
        Tensor base = Tensor.randn(1, 100, 100);
        ObjectId baseId = TensorHasher.id(base);
        Tensor kept = Tensor.randn(5, 10, 10);
        try (Connection db = open()) {
            db.setAutoCommit(false);
            SqliteSimilarityIndex index = new SqliteSimilarityIndex(db);
            index.add(baseId, TensorSketch.of(base));
            db.commit();
            index.add(TensorHasher.id(kept), TensorSketch.of(kept));
            db.rollback();
            assertEquals(1, index.size(), "the rolled-back add is gone");
        }
        try (Connection other = open()) {
            SqliteSimilarityIndex index = new SqliteSimilarityIndex(other);
            assertEquals(1, index.size());
            Tensor similar = base.plus(Tensor.randn(2, 100, 100).times(0.01));
            List<SimilarityIndex.Candidate> found = index.candidates(TensorSketch.of(similar), 0.85, 4);
            assertEquals(List.of(baseId), found.stream().map(SimilarityIndex.Candidate::id).toList());
            try (Statement s = other.createStatement();
                 ResultSet tables = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                assertEquals(List.of("sim_bucket", "sim_sketch"), names);
            }
        }
    }

    @Test
    void finderKeepsTheCandidateWithTheHighestGivenCosineAtOrAboveTheThreshold() {
        SimilarityIndex index = new InMemorySimilarityIndex();
        Tensor base = Tensor.randn(1, 100, 100);
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tensor sibling = base.plus(Tensor.randn(10 + i, 100, 100).times(0.05));
            ids.add(TensorHasher.id(sibling));
            index.add(ids.get(i), TensorSketch.of(sibling));
        }
        SimilarityFinder finder = new SimilarityFinder(index, 0.95);
        TensorSketch probe = TensorSketch.of(base);
        Map<ObjectId, Double> given = Map.of(ids.get(0), 0.96, ids.get(1), 0.99, ids.get(2), Double.NaN);
        Optional<SimilarityFinder.Confirmed> best = finder.best(probe, given::get);
        assertEquals(Optional.of(new SimilarityFinder.Confirmed(ids.get(1), 0.99)), best);
        assertEquals(Optional.empty(), finder.best(probe, id -> 0.949));
        assertEquals(Optional.empty(), finder.best(probe, id -> Double.NaN));
    }

    @Test
    void finderConfirmsByTheCosineOfTheWholeTensor() {
        SimilarityIndex index = new InMemorySimilarityIndex();
        Tensor base = Tensor.randn(1, 100, 100);
        ObjectId baseId = TensorHasher.id(base);
        index.add(baseId, TensorSketch.of(base));
        Function<ObjectId, Tensor> loader = id -> id.equals(baseId) ? base : null;
        SimilarityFinder finder = new SimilarityFinder(index, 0.95);

        Tensor close = base.plus(Tensor.randn(2, 100, 100).times(0.1));
        Optional<SimilarityFinder.Match> match = finder.find(close, TensorSketch.of(close), loader);
        assertTrue(match.isPresent());
        assertEquals(baseId, match.get().id());
        assertTrue(match.get().cosine() > 0.99);

        // same values at every sampled position, the opposite sign everywhere else: the sketches agree,
        // the tensors do not
        float[] values = base.toFloatArray();
        float[] impostor = new float[values.length];
        TensorSketch baseSketch = TensorSketch.of(base);
        for (int i = 0; i < values.length; i++) {
            impostor[i] = -values[i];
        }
        Tensor probe = Tensor.of(impostor).reshape(100, 100);
        for (int i = 0; i < values.length; i++) {
            if (sampled(baseSketch, base, i)) {
                impostor[i] = values[i];
            }
        }
        Tensor lookalike = Tensor.of(impostor).reshape(100, 100);
        assertTrue(TensorSketch.of(lookalike).estimatedCosine(baseSketch) > 0.999);
        assertFalse(finder.find(lookalike, TensorSketch.of(lookalike), loader).isPresent());
        assertFalse(finder.find(probe, TensorSketch.of(probe), loader).isPresent());
    }

    /** True when element {@code i} is one of the sketch's sampled positions (changing it changes the sample). */
    private static boolean sampled(TensorSketch sketch, Tensor base, int i) {
        float[] values = base.toFloatArray();
        values[i] = values[i] + 1000;
        return TensorSketch.of(Tensor.of(values).reshape(100, 100)).estimatedCosine(sketch) < 0.999999;
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("repo.db"));
    }
}
