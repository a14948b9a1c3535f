package dev.coral.magics.render;

import dev.coral.core.cli.BranchListResult;
import dev.coral.core.cli.ConfigListResult;
import dev.coral.core.cli.TagListResult;
import dev.coral.core.cli.TextRenderer;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.FsckProblem;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.SampleRepositoryFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.coral.magics.SampleRepository.HOSTILE_MESSAGE;
import static dev.coral.magics.SampleRepository.HOSTILE_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record view on records from a real repository: the MIME bundle, the rows, and escaping. */
class RecordViewsTest extends SampleRepositoryFixture {
    @Test
    void diffShowsOneRowPerTensorWithMetricsAndBars() throws Exception {
        DiffResult diff = repo.diff("HEAD~1~1", "v1");
        Rendering r = new DiffView().render(diff);
        String html = html(r);
        assertEquals(2, rows(html), html);
        assertTrue(html.contains("<span class=\"coral-name\">fc1.weight</span>"), html);
        assertTrue(html.contains("<span class=\"coral-name\">fc2.weight</span>"), html);
        assertTrue(html.contains("coral-badge coral-modified"), html);
        assertTrue(html.contains("coral-badge coral-added"), html);
        DiffEntry modified = diff.modified().get(0);
        assertTrue(html.contains(HumanFormat.number(modified.comparison().l2())), html);
        assertTrue(html.contains("coral-bar coral-warm"), html);
        assertEquals(TextRenderer.render(diff).stripTrailing(), text(r), "text/plain is the CLI's text");
    }

    @Test
    void diffEscapesHostileNames() throws Exception {
        DiffResult diff = repo.diff("HEAD", "HEAD");
        DiffEntry hostile = new DiffEntry(HOSTILE_NAME, DiffStatus.REMOVED, repo.show("HEAD").tree().stream()
                .filter(e -> e.name().equals(HOSTILE_NAME)).findFirst().orElseThrow(), null, null);
        String html = html(new DiffView().render(new DiffResult("a<b", "c", diff.from(), diff.to(), List.of(hostile))));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains(Html.escape(HOSTILE_NAME)), html);
        assertTrue(html.contains("a&lt;b"), html);
    }

    @Test
    void logDrawsEveryCommitWithRefLabelsAndAMergeGraph() throws Exception {
        LogResult log = repo.log("HEAD", 0, false);
        String html = html(new LogView().render(log));
        assertEquals(4, rows(html), html);
        assertEquals(4, count(html, "<svg"), html);
        assertTrue(html.contains(">HEAD</span>") && html.contains(">main</span>") && html.contains(">tag: v1</span>"), html);
        assertTrue(html.contains(">exp</span>"), html);
        assertTrue(html.contains(Html.escape(HOSTILE_MESSAGE)), html);
        assertFalse(html.contains("<b>epoch"), html);
        assertTrue(html.contains("acc=0.71"), html);
        assertEquals(TextRenderer.render(log).stripTrailing(), text(new LogView().render(log)));
    }

    @Test
    void showOfACommitListsItsTree() throws Exception {
        String html = html(new ShowView().render(repo.show("HEAD")));
        assertEquals(4, rows(html), html);
        assertTrue(html.contains(">merge exp<"), html);
        assertTrue(html.contains(Html.escape(HOSTILE_NAME)), html);
        assertFalse(html.contains(HOSTILE_NAME), html);
    }

    @Test
    void showOfATensorHasStatisticsAndAHistogram() throws Exception {
        Tensor w = repo.read("HEAD", "fc1.weight");
        ShowDetail detail = ShowDetail.of(repo.show("HEAD:fc1.weight"), w);
        String html = html(new ShowDetailView().render(detail));
        assertTrue(html.contains("<svg class=\"coral-hist\""), html);
        assertEquals(TensorHistogram.DEFAULT_BINS, count(html, "<rect"), html);
        assertTrue(html.contains("[20, 20]"), html);
        assertTrue(html.contains(">mean<"), html);
        assertEquals(400, detail.histogram().total());
        assertEquals(TextRenderer.render(detail.result()).stripTrailing(), text(new ShowDetailView().render(detail)));
    }

    @Test
    void statusListsStagedChanges() throws Exception {
        repo.index().add("staged.one", Tensor.randn(5, 3));
        try {
            Rendering r = new StatusView().render(repo.status());
            assertEquals(1, rows(html(r)));
            assertTrue(html(r).contains("<span class=\"coral-name\">staged.one</span>"), html(r));
            assertTrue(text(r).contains("staged.one"), text(r));
        } finally {
            repo.index().clear();
        }
        assertTrue(html(new StatusView().render(repo.status())).contains("nothing staged"));
    }

    @Test
    void commitResultNamesBranchAndChanges() throws Exception {
        CommitResult result = repo.commit(Map.of("extra.bias", Tensor.randn(6, 7)), CommitRequest("add <extra>"));
        String html = html(new CommitView().render(result));
        assertTrue(html.contains("[main "), html);
        assertTrue(html.contains("add &lt;extra&gt;"), html);
        assertEquals(1, rows(html));
        assertEquals(TextRenderer.render(result).stripTrailing(), text(new CommitView().render(result)));
    }

    @Test
    void branchesTagsReflogStatsConfigAndFsck() throws Exception {
        String branches = html(new BranchesView().render(new BranchListResult(repo.branches())));
        assertEquals(2, rows(branches), branches);
        assertTrue(branches.contains(">exp</span>") && branches.contains(">main</span>"), branches);

        String tags = html(new TagsView().render(new TagListResult(repo.tags())));
        assertEquals(1, rows(tags), tags);
        assertTrue(tags.contains("first &lt;good&gt; one") && tags.contains("acc=0.71"), tags);

        String reflog = html(new ReflogView().render(repo.reflog("main")));
        assertTrue(rows(reflog) >= 3, reflog);
        assertTrue(reflog.contains("main@{0}"), reflog);

        String stats = html(new StatsView().render(repo.stats()));
        assertTrue(stats.contains(">commits</th><td>" + HumanFormat.count(repo.stats().commits())), stats);

        String config = html(new ConfigView().render(new ConfigListResult(repo.config().list())));
        assertEquals(repo.config().list().size(), rows(config), config);
        assertTrue(config.contains("<span class=\"coral-name\">durability</span>"), config);

        String fsck = html(new FsckView().render(repo.fsck()));
        assertTrue(fsck.contains("repository is consistent"), fsck);
        String broken = html(new FsckView().render(new FsckResult(1, 1, 1, 1,
                List.of(new FsckProblem("<obj>", "checksum mismatch")))));
        assertEquals(1, rows(broken));
        assertTrue(broken.contains("&lt;obj&gt;") && broken.contains("1 problem found"), broken);
    }

    @Test
    void everyHtmlOutputCarriesTheStylesheetAndNoExternalResource() throws Exception {
        String html = new LogView().render(repo.log("HEAD", 0, true)).data().get(Rendering.HTML);
        assertTrue(html.startsWith("<style>.coral{"), html);
        assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), html);
        assertFalse(html.contains("https://"), html);
        assertFalse(html.contains("<script"), html);
    }

    private static dev.coral.core.repo.CommitRequest CommitRequest(String message) {
        return dev.coral.core.repo.CommitRequest.of(message);
    }

    /** The HTML after the stylesheet (so that failure messages show the part that matters). */
    static String html(Rendering r) {
        String html = r.data().get(Rendering.HTML);
        assertTrue(html != null && html.startsWith("<style>"), "no styled text/html in " + r.data().keySet());
        return html.substring(html.indexOf("</style>") + "</style>".length());
    }

    static String text(Rendering r) {
        String text = r.data().get(Rendering.TEXT);
        assertTrue(text != null && !text.isEmpty(), "no text/plain in " + r.data().keySet());
        return text;
    }

    /** Body rows of the data tables (not key/value cards). */
    static int rows(String html) {
        int rows = 0;
        Matcher tables = Pattern.compile("<table class=\"([^\"]*)\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        while (tables.find()) {
            if (tables.group(1).startsWith("coral-t")) {
                rows += count(tables.group(2), "<tr") - count(tables.group(2), "<thead><tr");
            }
        }
        return rows;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
