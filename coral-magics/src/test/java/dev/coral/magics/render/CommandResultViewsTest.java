package dev.coral.magics.render;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.InitResult;
import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.RemoveResult;
import dev.coral.core.cli.TextRenderer;
import dev.coral.core.cli.UsageText;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.ConfigEntry;
import dev.coral.core.result.GcResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.SampleRepositoryFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.coral.magics.SampleRepository.HOSTILE_NAME;
import static dev.coral.magics.render.RecordViewsTest.html;
import static dev.coral.magics.render.RecordViewsTest.rows;
import static dev.coral.magics.render.RecordViewsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views of the CLI's command results, on data from a real repository. */
class CommandResultViewsTest extends SampleRepositoryFixture {
    @Test
    void addListsEveryStagedTensorEscaped() throws Exception {
        List<TensorEntry> tree = repo.show("HEAD").tree();
        AddResult add = new AddResult(List.of("model.safetensors"), tree);
        Rendering r = new RepositoryChangeView.Add().render(add);
        String html = html(r);
        assertEquals(tree.size(), rows(html), html);
        assertTrue(html.contains("Staged " + tree.size() + " tensors"), html);
        assertTrue(html.contains(Html.escape(HOSTILE_NAME)) && !html.contains(HOSTILE_NAME), html);
        assertEquals(TextRenderer.render(add).stripTrailing(), text(r));
    }

    @Test
    void removeInitExportConfigUsageAndBranch() throws Exception {
        String rm = html(new RepositoryChangeView.Remove().render(new RemoveResult(List.of("a<b", "c"))));
        assertEquals(2, rows(rm));
        assertTrue(rm.contains("<span class=\"coral-name\">a&lt;b</span>"), rm);

        String init = html(new RepositoryChangeView.Init().render(new InitResult(dir)));
        assertTrue(init.contains(Html.escape(dir.toString())), init);

        ExportResult export = new ExportResult(dir.resolve("out <1>.npz"), "v1", repo.resolve("v1"), 4, 4096);
        String exported = html(new RepositoryChangeView.Export().render(export));
        assertTrue(exported.contains("out &lt;1&gt;.npz") && exported.contains("4 tensors · 4.0 KiB"), exported);
        assertTrue(exported.contains(repo.resolve("v1").shortHex()), exported);

        ConfigEntry before = repo.config().list().stream().filter(e -> e.key().equals("durability")).findFirst().orElseThrow();
        ConfigEntry after = new ConfigEntry("durability", "process", false, before.description());
        String config = html(new RepositoryChangeView.ConfigUpdate().render(new ConfigUpdateResult(before, after)));
        assertTrue(config.contains("<span class=\"coral-name\">full</span> → <span class=\"coral-name\">process</span>"), config);

        String usage = html(new RepositoryChangeView.Usage().render(new UsageText("Usage: coral <verb> [options]\n")));
        assertTrue(usage.contains("<pre class=\"coral-mono\">Usage: coral &lt;verb&gt; [options]\n</pre>"), usage);

        Rendering branch = new RefChangeView.Branch().render(new BranchResult(RefAction.DELETED, repo.branches().get(0)));
        assertTrue(html(branch).contains("Deleted branch <span class=\"coral-branch\">exp</span>"), html(branch));
        assertEquals(TextRenderer.render(new BranchResult(RefAction.DELETED, repo.branches().get(0))).stripTrailing(),
                text(branch));
    }

    @Test
    void repackAndGcSayWhatTheyDidInHtmlAndAsTheCliDoes() throws Exception {
        RepackResult repack = repo.repack();
        Rendering repacked = new RepositoryChangeView.Repack().render(repack);
        assertTrue(html(repacked).contains("Repacked " + repack.objects() + " tensors"), html(repacked));
        assertEquals(TextRenderer.render(repack).stripTrailing(), text(repacked));

        GcResult gc = new GcResult(2, 3 << 20, 1, 3600);
        Rendering collected = new RepositoryChangeView.Gc().render(gc);
        assertTrue(html(collected).contains("Removed 2 unreferenced object files")
                && html(collected).contains("3.0 MiB · kept 1 younger than 1 h"), html(collected));
        assertEquals(TextRenderer.render(gc).stripTrailing(), text(collected));
        assertEquals(new GcResult(0, 0, 0, 3600), repo.gc(Duration.ofHours(1)), "the sample repository has no orphans");
    }

    @Test
    void cacheStatsShowFillAndHitRate() throws Exception {
        String html = html(new CacheStatsView().render(new CacheStats(3, 1, 2, 512L << 10, 1L << 20)));
        assertTrue(html.contains("512.0 KiB of 1.0 MiB"), html);
        assertTrue(html.contains("75 % (3 hits, 1 miss)"), html);
        assertTrue(html.contains("width:50.0%"), html);
        String empty = html(new CacheStatsView().render(new CacheStats(0, 0, 0, 0, 1L << 20)));
        assertTrue(empty.contains("– (0 hits, 0 misses)"), empty);
        assertFalse(empty.contains("NaN"), empty);
    }
}
