package dev.coral.magics.report;

import dev.coral.core.repo.Repository;
import dev.coral.core.result.DiffResult;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorComparison;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.SampleRepository;
import dev.coral.magics.SampleRepositoryFixture;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralReportsTest extends SampleRepositoryFixture {
    @Test
    void storageHasOneRowPerCommitOldestFirstWithLogicalAndStoredBytes() {
        Table t = CoralReports.storage(repo);
        assertEquals(List.of("commit", "time", "message", "tensors", "new_objects", "logical_bytes", "stored_bytes",
                "cumulative_logical_bytes", "cumulative_stored_bytes"), t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals("init", t.stringColumn("message").get(0));
        assertEquals("merge exp", t.stringColumn("message").get(3));
        // init: fc1.weight 1,600 + fc1.bias 80 + hostile 16 bytes, all new
        assertEquals(1696, t.longColumn("logical_bytes").get(0));
        assertEquals(3, t.intColumn("new_objects").get(0));
        // the merge reuses exp's bias: nothing new
        assertEquals(0, t.intColumn("new_objects").get(3));
        assertEquals(0, t.longColumn("stored_bytes").get(3));
        assertEquals((long) t.longColumn("logical_bytes").sum(), t.longColumn("cumulative_logical_bytes").get(3));
        long stored = repo.stats().encodedBytes();
        assertEquals(stored, t.longColumn("cumulative_stored_bytes").get(3), "every content is counted once");
    }

    @Test
    void dedupCountsReusedTensorsAndRatios() {
        Table t = CoralReports.dedup(repo);
        assertEquals(4, t.rowCount());
        assertEquals(0, t.intColumn("reused").get(0));
        // epoch 1 (on main, after init): fc1.bias and the hostile tensor are reused
        int epoch = t.stringColumn("message").indexOf(SampleRepository.HOSTILE_MESSAGE);
        assertEquals(2, t.intColumn("reused").get(epoch));
        assertEquals(repo.stats().logicalBytes(), t.longColumn("unique_bytes").get(3));
        double ratio = t.doubleColumn("dedup_ratio").get(3);
        assertEquals((double) t.longColumn("logical_bytes").get(3) / t.longColumn("unique_bytes").get(3), ratio, 1e-12);
        assertTrue(ratio > 1, "later commits reuse earlier tensors");
    }

    @Test
    void historyFollowsOneTensorWithComparisonsAgainstThePreviousVersion() {
        Table t = CoralReports.history(repo, "fc1.weight");
        assertEquals(3, t.rowCount(), t.print());
        assertEquals(List.of("added", "modified", "unchanged"), t.stringColumn("status").asList());
        TensorComparison expected = TensorComparison.of(repo.read("HEAD~1~1", "fc1.weight"), repo.read("v1", "fc1.weight"));
        assertEquals(expected.l2(), t.doubleColumn("l2").get(1), 0);
        assertEquals(expected.cosine(), t.doubleColumn("cosine").get(1), 0);
        assertTrue(t.doubleColumn("l2").isMissing(0) && t.doubleColumn("l2").isMissing(2));
        assertEquals("[20, 20]", t.stringColumn("shape").get(2));
    }

    @Test
    void historyMarksRemovalAndReadditionOfATensor() {
        Path other = dir.resolveSibling(dir.getFileName() + "-removal");
        try (Repository r = Repository.init(other)) {
            r.commit(java.util.Map.of("a", Tensor.randn(1, 3), "b", Tensor.randn(2, 3)), "both");
            var s = r.session();
            s.remove("a");
            s.commit("drop a");
            r.commit(java.util.Map.of("a", Tensor.randn(3, 4)), "a again, new shape");
            Table t = CoralReports.history(r, "a");
            assertEquals(List.of("added", "removed", "added"), t.stringColumn("status").asList());
        }
    }

    @Test
    void diffTableMatchesTheDiffAndExportsAsCsv() throws Exception {
        DiffResult d = repo.diff("HEAD~1~1", "HEAD");
        Table t = CoralReports.diff(d);
        assertEquals(d.entries().size(), t.rowCount());
        assertEquals(List.of("name", "status", "old_name", "dtype", "shape", "bytes", "l2", "cosine", "max_abs_delta",
                "fraction_changed"), t.columnNames());
        Table modified = t.where(t.stringColumn("status").isEqualTo("modified"));
        assertEquals(d.modified().size(), modified.rowCount());
        Path csv = dir.resolve("diff.csv");
        t.write().csv(csv.toString());
        assertEquals(d.entries().size() + 1, Files.readAllLines(csv).size());
    }

    @Test
    void tableViewFormatsBytesAndRatiosAndEscapes() throws Exception {
        Table t = CoralReports.dedup(repo);
        Rendering r = new TableView().render(t);
        String html = r.data().get(Rendering.HTML);
        assertTrue(html.contains("<th class=\"coral-r\">unique_bytes</th>"), html);
        assertTrue(html.contains(">1.7 KiB</span></td>"), html);
        assertTrue(html.contains("×</td>"), html);
        assertTrue(html.contains("&lt;b&gt;epoch 1&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>epoch"), html);
        assertTrue(r.data().get(Rendering.TEXT).contains("dedup_ratio"));
    }
}
