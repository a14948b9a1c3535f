package dev.coral.core.cli;

import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.coral.core.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code coral config} for the dedup keys, {@code coral stats [REF]} with its breakdown, and {@code coral repack}. */
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
}
