package dev.coral.core.repo;

import dev.coral.core.codec.Codec;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.result.CodecUsage;
import dev.coral.core.result.DepthCount;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorStorage;
import dev.coral.core.result.TensorSummary;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage figures of {@code stats} agree with what is on disk. */
class StorageStatsTest {
    @TempDir
    Path dir;

    private static Tensor near(Tensor base, long seed, double noise) {
        return base.plus(Tensor.randn(seed, base.shape()).times(noise));
    }

    /** A small history: whole tensors, same-name deltas, a similarity delta, a duplicate name, a large object file. */
    private void buildHistory(Repository repo) {
        Tensor w = Tensor.randn(1, 120, 120);
        Tensor big = Tensor.randn(2, 400, 400);
        repo.commit(Map.of("w", w, "big", big, "b", Tensor.zeros(dev.coral.core.tensor.DType.FLOAT32, 120)), "one");
        repo.commit(Map.of("w", near(w, 3, 0.001), "w.copy", w), "two: w changes, its old content under a new name");
        repo.commit(Map.of("sibling", near(w, 4, 0.01)), "three: similar to w under a new name");
        repo.commit(Map.of("w", near(w, 5, 0.001)), "four");
    }

    @Test
    void repositoryFiguresMatchTheRowsAndFilesOnDisk() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            buildHistory(repo);
            StatsResult s = repo.stats();

            assertEquals(null, s.ref());
            assertEquals(s.uniqueObjects(), s.storage().codecs().stream().mapToLong(CodecUsage::objects).sum());
            assertEquals(s.encodedBytes(), s.storage().codecs().stream().mapToLong(CodecUsage::storedBytes).sum());
            assertEquals(s.logicalBytes(), s.storage().codecs().stream().mapToLong(CodecUsage::rawBytes).sum());
            assertEquals(s.uniqueObjects(), s.storage().chainDepths().stream().mapToLong(DepthCount::objects).sum());
            assertEquals(s.deltaObjects(), s.storage().chainDepths().stream().filter(d -> d.depth() > 0)
                    .mapToLong(DepthCount::objects).sum());
            assertEquals(s.deltaObjects(), s.storage().codecs().stream().filter(u -> u.codec().isDelta())
                    .mapToLong(CodecUsage::objects).sum());
            assertTrue(s.deltaObjects() >= 3, "w twice and sibling: " + s);

            // versions: w ×3 contents, big, b, w.copy (same content as the first w), sibling
            assertEquals(7, s.tensors());
            assertEquals(1, s.storage().dedupHits(), "w.copy reuses the first w");
            long raw = 120 * 120 * 4;
            assertEquals(5 * raw + 400 * 400 * 4 + 120 * 4, s.storage().versionBytes());
            assertEquals((double) s.storage().versionBytes() / s.storedBytes(), s.storage().ratio(), 1e-12);

            assertEquals(s.encodedBytes(), payloadBytesInDatabase() + objectFileBytes());
            assertEquals(RepositoryStats.directorySize(dir.resolve(".coral")), s.storedBytes());
        }
    }

    private long payloadBytesInDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".coral/coral.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(sum(length(payload)), 0) FROM tensors")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long objectFileBytes() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void oneCommitsFiguresDescribeItsTreeAndTheBasesItNeeds() {
        try (Repository repo = Repository.init(dir)) {
            buildHistory(repo);
            repo.createTag("v2", "HEAD~2", "", Map.of());
            StatsResult two = repo.stats("v2");

            assertEquals("v2", two.ref());
            assertEquals(1, two.commits());
            assertEquals(0, two.branches());
            assertEquals(1, two.tags());
            assertEquals(4, two.tensors());
            assertEquals(4, two.uniqueObjects());
            assertEquals(3, two.storage().dedupHits(), "big, b and the first w's content (w.copy) were in the parent");

            long encoded = 0;
            long raw = 0;
            Set<ObjectId> ids = new HashSet<>();
            for (TensorEntry e : repo.show("v2").tree()) {
                if (ids.add(e.id())) {
                    TensorStorage st = repo.storageOf(e.id());
                    encoded += st.storedBytes();
                    raw += st.rawBytes();
                }
            }
            assertEquals(encoded, two.encodedBytes());
            assertEquals(raw, two.logicalBytes());
            assertEquals(encoded, two.storedBytes(), "every base of v2's deltas is in v2 itself");

            StatsResult four = repo.stats("HEAD");
            assertEquals(1, four.branches());
            assertEquals(0, four.tags());
            ObjectId previousW = repo.show("HEAD~1").tree().stream().filter(e -> e.name().equals("w")).findFirst()
                    .orElseThrow().id();
            ObjectId lastW = repo.show("HEAD").tree().stream().filter(e -> e.name().equals("w")).findFirst()
                    .orElseThrow().id();
            assertEquals(previousW, repo.storageOf(lastW).deltaBase());
            assertEquals(four.encodedBytes() + repo.storageOf(previousW).storedBytes(), four.storedBytes(),
                    "the last w rests on the previous w, which HEAD's tree no longer holds");
        }
    }

    @Test
    void storageOfReportsWhatShowReportsWithoutDecoding() {
        Tensor w = Tensor.randn(8, 64, 64);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", w), "one");
            Tensor w2 = near(w, 9, 0.001);
            repo.commit(Map.of("w", w2), "two");
            TensorSummary shown = repo.show("HEAD:w").tensor();
            TensorStorage s = repo.storageOf(TensorHasher.id(w2));
            assertEquals(shown.storedBytes(), s.storedBytes());
            assertEquals(shown.codec(), s.codec());
            assertEquals(shown.deltaBase(), s.deltaBase());
            assertEquals(shown.chainDepth(), s.chainDepth());
            assertEquals(TensorHasher.id(w), s.deltaBase());
            assertTrue(s.codec() == Codec.XOR_DELTA || s.codec() == Codec.DIFF_DELTA, s.codec().name());
            assertThrows(NotFoundException.class, () -> repo.storageOf(TensorHasher.id(Tensor.randn(10, 3))));
        }
    }
}
