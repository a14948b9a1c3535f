package dev.coral.core.cli;

import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.coral.core.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code coral config} for the dedup keys, {@code coral stats [REF]} with its breakdown, {@code coral repack} and
 * {@code coral gc}.
 */
class DedupCliTest {
    @TempDir
    Path dir;

    @BeforeEach
    void repository() {
        Tensor w = Tensor.randn(1, 80, 80);
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("dedup.threshold", "1");
            repo.commit(Map.of("a", w), "a");
            repo.commit(Map.of("b", w.plus(Tensor.randn(2, 80, 80).times(0.01))), "b, near a under a new name");
            repo.commit(Map.of("a", w.plus(Tensor.randn(3, 80, 80).times(0.001))), "a again");
        }
    }

    @Test
    void dedupThresholdIsValidatedStoredAndListed() {
        assertEquals("1\n", run(dir, "config", "get", "dedup.threshold").ok());
        assertEquals("dedup.threshold = 0.9 (was 1)\n", run(dir, "config", "set", "dedup.threshold", "0.9").ok());
        assertTrue(run(dir, "config", "list").ok().contains("dedup.threshold"));
        for (String bad : List.of("0", "1.5", "-0.2", "high", "NaN")) {
            String error = run(dir, "config", "set", "dedup.threshold", bad).userError();
            assertTrue(error.contains("dedup.threshold"), error);
        }
        assertTrue(run(dir, "config", "set", "codec.maxChainDepth", "100").userError().contains("codec.maxChainDepth"));
        assertTrue(run(dir, "config", "set", "codec.zstdLevel", "30").userError().contains("codec.zstdLevel"));
        assertTrue(run(dir, "config", "set", "durability", "sometimes").userError().contains("durability"));
        assertEquals("0.9\n", run(dir, "config", "get", "dedup.threshold").ok());
    }

    @Test
    @SuppressWarnings("unchecked")
    void statsShowsCodecsDepthsHitsAndTheRatioForTheRepositoryAndForOneCommit() {
        Map<String, Object> all = run(dir, "stats", "--json").jsonObject();
        Map<String, Object> storage = (Map<String, Object>) all.get("storage");
        List<Map<String, Object>> codecs = (List<Map<String, Object>>) storage.get("codecs");
        long objects = codecs.stream().mapToLong(c -> ((Number) c.get("objects")).longValue()).sum();
        assertEquals(((Number) all.get("uniqueObjects")).longValue(), objects);
        assertTrue(((List<?>) storage.get("chainDepths")).size() >= 2, storage.toString());
        assertTrue(((Number) storage.get("ratio")).doubleValue() > 0);
        assertEquals(null, all.get("ref"));

        String text = run(dir, "stats").ok();
        for (String row : List.of("dedup hits", "depth 0", "depth 1", "ratio", "versions size")) {
            assertTrue(text.contains(row), text);
        }

        Map<String, Object> first = run(dir, "stats", "HEAD~2", "--json").jsonObject();
        assertEquals("HEAD~2", first.get("ref"));
        assertEquals(1L, ((Number) first.get("tensors")).longValue());
        assertTrue(run(dir, "stats", "HEAD~1").ok().contains("commit"));
        assertTrue(run(dir, "stats", "no-such-ref").userError().contains("no-such-ref"));
    }

    @Test
    void repackAfterLoweringTheThresholdStoresTheNearCopyAsADelta() {
        long deltasBefore = ((Number) run(dir, "stats", "--json").jsonObject().get("deltaObjects")).longValue();
        run(dir, "config", "set", "dedup.threshold", "0.95").ok();

        String text = run(dir, "repack").ok();

        assertTrue(text.startsWith("repacked 3 tensors: 1 re-encoded"), text);
        Map<String, Object> r = run(dir, "repack", "--json").jsonObject();
        assertEquals(0L, ((Number) r.get("rewritten")).longValue());
        long deltasAfter = ((Number) run(dir, "stats", "--json").jsonObject().get("deltaObjects")).longValue();
        assertEquals(deltasBefore + 1, deltasAfter);
        assertTrue(run(dir, "fsck").ok().length() > 0);
    }

    @Test
    void gcRemovesOldUnreferencedObjectFilesAndSaysWhatItKept() throws Exception {
        Path objects = dir.resolve(".coral/objects/ee");
        Files.createDirectories(objects);
        Path old = Files.write(objects.resolve("0011223344556677"), new byte[2048]);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.write(objects.resolve("8899aabbccddeeff"), new byte[100]);

        String text = run(dir, "gc").ok();

        assertEquals("removed 1 unreferenced object file (2.0 KiB); kept 1 unreferenced file younger than 1 h "
                + "(a commit may be writing it)\n", text);
        Map<String, Object> now = run(dir, "gc", "--prune-older-than=now", "--json").jsonObject();
        assertEquals(1L, ((Number) now.get("filesRemoved")).longValue());
        assertEquals(100L, ((Number) now.get("bytesRemoved")).longValue());
        assertEquals(0L, ((Number) now.get("unreferencedKept")).longValue());
        String error = run(dir, "gc", "--prune-older-than=soon").userError();
        assertTrue(error.contains("--prune-older-than") && error.contains("soon"), error);
        assertTrue(run(dir, "fsck").ok().length() > 0);
    }
}
