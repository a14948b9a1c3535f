package dev.coral.core.cli;

import dev.coral.core.cli.text.HumanFormat;
import dev.coral.core.cli.text.TextTable;
import dev.coral.core.id.ObjectId;
import dev.coral.core.json.Json;
import dev.coral.core.repo.CommitRequest;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.ConfigEntry;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.FsckProblem;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRendererTest {
    private static final ObjectId A = ObjectId.parse("a".repeat(64));
    private static final ObjectId B = ObjectId.parse("b".repeat(64));

    @Test
    void everyRecordACommandReturnsHasATextRendering() {
        for (Class<?> type : List.of(InitResult.class, AddResult.class, RemoveResult.class, CommitResult.class,
                StatusResult.class, LogResult.class, ShowResult.class, CheckoutResult.class, BranchListResult.class,
                BranchResult.class, TagListResult.class, TagResult.class, DiffResult.class, ReflogResult.class,
                ExportResult.class, StatsResult.class, FsckResult.class, ConfigListResult.class, ConfigEntry.class,
                ConfigUpdateResult.class, UsageText.class)) {
            assertTrue(TextRenderer.supports(type), type.getSimpleName());
        }
    }

    @Test
    void logDrawsMergesAsAGraphWithLabels(@TempDir Path dir) {
        try (Repository r = Repository.init(dir)) {
            r.commit(Map.of("w", Tensor.randn(1, 4)), "base");
            r.createBranch("exp", "HEAD");
            r.commit(Map.of("w", Tensor.randn(2, 4)), "main work");
            waitForTheClockToTick(); // commits of one millisecond are ordered by id; this graph needs time order
            r.commit(Map.of("e", Tensor.randn(3, 4)), CommitRequest.of("exp work").onBranch("exp"));
            r.commit(Map.of("e", Tensor.randn(3, 4)), CommitRequest.of("merge exp").withExtraParents(List.of("exp")));
            r.createTag("v1", "HEAD", "", Map.of());
            List<String> graph = TextRenderer.render(r.log("HEAD", 0, false)).lines()
                    .map(l -> l.replaceAll("[0-9a-f]{12}", "ID").replaceAll("  — .*", ""))
                    .toList();
            assertEquals(List.of(
                    "* ID (HEAD, main, tag: v1) merge exp",
                    "|\\",
                    "| * ID (exp) exp work",
                    "* | ID main work",
                    "|/",
                    "* ID base"), graph);
            List<String> line = TextRenderer.render(r.log("HEAD", 0, true)).lines()
                    .map(l -> l.replaceAll("[0-9a-f]{12}", "ID").replaceAll("  — .*", ""))
                    .toList();
            assertEquals(List.of("* ID (HEAD, main, tag: v1) merge exp", "* ID main work", "* ID base"), line);
        }
    }

    private static void waitForTheClockToTick() {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() == start) {
            Thread.onSpinWait();
        }
    }

    @Test
    void diffAlignsColumnsAndShowsTheComparison() {
        TensorEntry w0 = new TensorEntry("fc1.weight", A, DType.FLOAT32, List.of(200L, 200L), 160_000);
        TensorEntry w1 = new TensorEntry("fc1.weight", B, DType.FLOAT32, List.of(200L, 200L), 160_000);
        TensorEntry bias = new TensorEntry("fc1.bias", A, DType.FLOAT16, List.of(200L), 400);
        TensorEntry old = new TensorEntry("old", B, DType.INT8, List.of(), 1);
        TensorEntry moved = new TensorEntry("new", B, DType.INT8, List.of(), 1);
        DiffResult d = new DiffResult("v1", "HEAD", A, B, List.of(
                new DiffEntry("fc1.bias", DiffStatus.ADDED, null, bias, null),
                new DiffEntry("fc1.weight", DiffStatus.MODIFIED, w0, w1, new TensorComparison(0.5, 0.9999, 0.01, 0.125)),
                new DiffEntry("new", DiffStatus.RENAMED, old, moved, null)));
        assertEquals("""
                diff v1 (aaaaaaaaaaaa) → HEAD (bbbbbbbbbbbb)
                  added     fc1.bias    float16  [200]           400 B
                  modified  fc1.weight  float32  [200, 200]  156.3 KiB  l2 0.5  cos 0.9999  max|Δ| 0.01  changed 12.5%
                  renamed   old → new   int8     []                1 B
                1 added, 1 modified, 1 renamed
                """, TextRenderer.render(d));

        List<?> json = (List<?>) Json.parse(Json.write(JsonView.of(d)));
        Map<?, ?> modified = (Map<?, ?>) json.get(1);
        assertEquals(List.of("name", "status", "from", "to", "l2", "cosine", "maxAbsDelta", "fractionChanged"),
                List.copyOf(modified.keySet()));
        assertEquals("MODIFIED", modified.get("status"));
        assertEquals(0.125, modified.get("fractionChanged"));
        Map<?, ?> added = (Map<?, ?>) json.get(0);
        assertEquals(List.of("name", "status", "from", "to"), List.copyOf(added.keySet()));
        assertEquals("float16", ((Map<?, ?>) added.get("to")).get("dtype"));
    }

    @Test
    void fsckListsProblemsAndStatsShowsRatios() {
        String fsck = TextRenderer.render(new FsckResult(3, 2, 1, 4, List.of(new FsckProblem("ab12", "checksum mismatch"))));
        assertEquals("checked 3 tensors, 2 trees, 1 commit, 4 refs\n1 problem found:\n  ab12: checksum mismatch\n", fsck);
        String stats = TextRenderer.render(new StatsResult(2, 1, 0, 4, 3, 3 << 20, 1 << 20, 1, 2 << 20));
        assertTrue(stats.contains("logical size    3.0 MiB"), stats);
        assertTrue(stats.contains("logical / this = 3.00x"), stats);
        assertTrue(stats.contains("logical / this = 1.50x"), stats);
    }

    @Test
    void cacheStatistics() {
        assertEquals("tensor cache: 1.5 MiB of 256.0 MiB, 3 hits, 1 misses (75.0% hit rate), 0 evictions\n",
                TextRenderer.render(new CacheStats(3, 1, 0, 3 << 19, 256L << 20)));
    }

    @Test
    void humanFormats() {
        assertEquals("0 B", HumanFormat.bytes(0));
        assertEquals("1023 B", HumanFormat.bytes(1023));
        assertEquals("1.0 KiB", HumanFormat.bytes(1024));
        assertEquals("156.3 KiB", HumanFormat.bytes(160_000));
        assertEquals("3.5 GiB", HumanFormat.bytes(3L * 1024 * 1024 * 1024 + 512L * 1024 * 1024));
        assertEquals("[]", HumanFormat.shape(List.of()));
        assertEquals("0.93", HumanFormat.number(0.93));
        assertEquals("3", HumanFormat.number(3.0));
        assertEquals("1.23457e-07", HumanFormat.number(1.23456789e-7));
        assertEquals("1e+20", HumanFormat.number(1e20));
        assertEquals("NaN", HumanFormat.number(Double.NaN));
        assertEquals("-inf", HumanFormat.number(Double.NEGATIVE_INFINITY));
        assertEquals("<0.1%", HumanFormat.percent(0.0004));
        assertEquals("100.0%", HumanFormat.percent(1));
        assertEquals("1 tensor", HumanFormat.count(1, "tensor"));
        assertEquals("2 tensors", HumanFormat.count(2, "tensor"));
    }

    @Test
    void tablesAlignAndTrimTrailingSpace() {
        TextTable t = new TextTable(TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.LEFT);
        t.row("a", "1", "");
        t.row("long name", "1000", "x");
        assertEquals("  a             1\n  long name  1000  x\n", t.render("  "));
    }
}
