package dev.coral.core.repo;

import dev.coral.core.id.TensorHasher;
import dev.coral.core.result.TensorSummary;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delta bases found through the persistent similarity index, across processes, sessions and within one commit. */
class SimilarityBaseTest {
    @TempDir
    Path dir;

    private static Tensor near(Tensor base, long seed, double noise) {
        return base.plus(Tensor.randn(seed, base.shape()).times(noise));
    }

    /** {@code t} (float32) with about {@code fraction} of its elements replaced by fresh N(0,1) values. */
    private static Tensor withReplaced(Tensor t, long seed, double fraction) {
        float[] values = new float[(int) t.numel()];
        t.data().asFloatBuffer().get(values);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < values.length; i++) {
            if (random.nextDouble() < fraction) {
                values[i] = (float) random.nextGaussian();
            }
        }
        return Tensor.wrap(t.dtype(), t.shape(), java.nio.ByteBuffer.wrap(Tensor.of(values).toBytes()));
    }

    private static TensorSummary storage(Repository repo, String name) {
        return repo.show("HEAD:" + name).tensor();
    }

    @Test
    void aTensorSimilarToOneCommittedByAnotherProcessIsStoredAsADeltaAgainstIt() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("unrelated", Tensor.randn(99, 8)), "open before the other process writes");
            List<String> out = ChildProcess.run(dir.resolve("logs"), "commit-one", dir.toString(), "from.child", "5",
                    "100", "100");
            assertTrue(out.get(0).startsWith("acknowledged "), out.toString());
            Tensor childs = Tensor.randn(5, 100, 100);
            Tensor mine = near(childs, 6, 0.01);

            repo.commit(Map.of("mine", mine), "similar to the child's tensor, under another name");

            TensorSummary s = storage(repo, "mine");
            assertTrue(s.codec().isDelta(), "stored as " + s.codec());
            assertEquals(TensorHasher.id(childs), s.deltaBase());
            assertEquals(1, s.chainDepth());
            assertTrue(s.storedBytes() < mine.byteSize() * 0.75, s.storedBytes() + " bytes stored");
            assertEquals(mine, repo.read("HEAD", "mine"));
        }
    }

    @Test
    void aTensorSimilarToOneCommittedInAnEarlierSessionIsStoredAsADeltaAgainstIt() {
        Tensor first = Tensor.randn(1, 64, 300);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("layer.a", first), "first session");
        }
        Tensor second = near(first, 2, 0.01);
        try (Repository repo = Repository.open(dir)) {
            repo.commit(Map.of("layer.b", second), "second session");
            TensorSummary s = storage(repo, "layer.b");
            assertTrue(s.codec().isDelta(), "stored as " + s.codec());
            assertEquals(TensorHasher.id(first), s.deltaBase());
        }
        try (Repository repo = Repository.open(dir)) {
            assertEquals(second, repo.read("HEAD", "layer.b"));
            assertEquals(first, repo.read("HEAD", "layer.a"));
        }
    }

    @Test
    void aTensorBelowTheThresholdGetsNoBaseUntilTheThresholdIsLowered() {
        Tensor a = Tensor.randn(1, 100, 100);
        Tensor far = withReplaced(a, 2, 0.1);        // cosine ≈ 0.9
        Tensor alsoFar = withReplaced(a, 3, 0.1);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("a", a), "a");
            repo.commit(Map.of("far", far), "below 0.95");
            assertNull(storage(repo, "far").deltaBase());

            repo.config().set("dedup.threshold", "0.85");
            repo.commit(Map.of("also.far", alsoFar), "above 0.85");
            TensorSummary s = storage(repo, "also.far");
            assertTrue(s.codec().isDelta(), "stored as " + s.codec());
            assertEquals(alsoFar, repo.read("HEAD", "also.far"));
        }
    }

    @Test
    void largeNearCopiesUnderNewNamesCommittedTogetherStoreOneWholeAndTheOtherAsADelta() {
        Tensor base = Tensor.randn(8, 400, 400); // object files, hashed first as they share a layout
        Tensor copy = near(base, 108, 0.001);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("big.a", base, "big.b", copy, "small", Tensor.randn(9, 10)), "two near copies");
            TensorSummary a = storage(repo, "big.a");
            TensorSummary b = storage(repo, "big.b");
            assertTrue(a.deltaBase() == null ^ b.deltaBase() == null, "one whole, one delta: " + a + " / " + b);
            assertEquals(base, repo.read("HEAD", "big.a"));
            assertEquals(copy, repo.read("HEAD", "big.b"));
        }
    }

    @Test
    void aLargeTensorUnderANewNameHashedWhileWrittenStillFindsAStoredBase() {
        Tensor base = Tensor.randn(10, 400, 400);
        Tensor copy = near(base, 110, 0.001);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("big.a", base), "base");
            repo.commit(Map.of("big.b", copy), "a near copy under a new name, alone in its layout");
            assertEquals(storage(repo, "big.a").entry().id(), storage(repo, "big.b").deltaBase());
            assertEquals(copy, repo.read("HEAD", "big.b"));
        }
    }

    @Test
    void nearCopiesCommittedTogetherStoreOneWholeAndTheRestAsDeltas() {
        Tensor base = Tensor.randn(7, 200, 200);
        Map<String, Tensor> copies = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            copies.put("copy." + i, i == 0 ? base : near(base, 100 + i, 0.001));
        }
        try (Repository repo = Repository.init(dir)) {
            repo.commit(copies, "ten near copies");
            int whole = 0;
            for (String name : copies.keySet()) {
                TensorSummary s = storage(repo, name);
                if (s.deltaBase() == null) {
                    whole++;
                } else {
                    assertEquals(1, s.chainDepth(), name);
                }
                assertEquals(copies.get(name), repo.read("HEAD", name), name);
            }
            assertEquals(1, whole);
        }
    }

    @Test
    void chainsStayWithinTheDepthLimitAndSimilarTensorsPreferShallowBases() {
        Tensor t = Tensor.randn(11, 80, 80);
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("codec.maxChainDepth", "2");
            for (int epoch = 0; epoch < 6; epoch++) {
                t = near(t, 200 + epoch, 0.001);
                repo.commit(Map.of("w", t), "epoch " + epoch);
                assertTrue(storage(repo, "w").chainDepth() <= 2);
                assertEquals(t, repo.read("HEAD", "w"));
            }
            Tensor sibling = near(t, 300, 0.001);
            repo.commit(Map.of("sibling", sibling), "a new name similar to w's versions");
            TensorSummary s = storage(repo, "sibling");
            assertTrue(s.codec().isDelta(), "stored as " + s.codec());
            assertEquals(1, s.chainDepth(), "based on a version of w stored whole");
            assertEquals(sibling, repo.read("HEAD", "sibling"));
        }
    }

    @Test
    void aRepositoryFromBeforeTheIndexGetsItOnOpenAndItsTensorsIndexedByRepack() throws Exception {
        Tensor old = Tensor.randn(21, 90, 90);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("old", old), "before the similarity index existed");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".coral/coral.db"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE sim_bucket");
            st.execute("DROP TABLE sim_sketch");
        }
        try (Repository repo = Repository.open(dir)) {
            repo.commit(Map.of("new", near(old, 22, 0.01)), "old is not indexed yet");
            assertNull(storage(repo, "new").deltaBase());

            assertEquals(1, repo.repack().indexed(), "old is indexed; new was indexed by its commit");
            Tensor newer = near(old, 23, 0.01);
            repo.commit(Map.of("newer", newer), "similar to old and new");
            assertTrue(storage(repo, "newer").codec().isDelta());
            assertEquals(newer, repo.read("HEAD", "newer"));
        }
    }
}
