package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.magics.magic.JupyterNotebook.CodeCell;

/**
 * {@code notebooks/01-quickstart.ipynb} executed through real Jupyter with the installed kernelspec: init,
 * add a model built in Java, commit, change two layers, commit, diff, branch, log, a chart, and a lazy
 * load from the older commit — every cell must run, and show what it claims.
 */
class QuickstartNotebookIT {
    @TempDir
    static Path jupyterDir;
    static List<CodeCell> cells;
    /** The cell that shows what a mistake looks like (tagged raises-exception in the notebook). */
    static final String MISTAKE = "%coral diff main experimnet";

    @BeforeAll
    static void execute() throws Exception {
        Path repoRoot = Path.of(System.getProperty("coral.repo.root", ".."));
        cells = JupyterNotebook.execute(repoRoot.resolve("notebooks/01-quickstart.ipynb"),
                Path.of(System.getProperty("coral.kernel.jar", "../kernel/target/coral-kernel.jar")),
                Path.of(System.getProperty("coral.kernel.ext", "target/kernel-ext")), jupyterDir);
    }

    static CodeCell cell(String sourceStart) {
        return cells.stream().filter(c -> c.source().startsWith(sourceStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell starting with " + sourceStart));
    }

    @Test
    void everyCellRanWithoutErrorButTheMistakeShownOnPurpose() {
        for (CodeCell c : cells) {
            if (!c.source().equals(MISTAKE)) {
                assertEquals(List.of(), c.errors(), () -> "cell failed: " + c.source());
            }
        }
    }

    @Test
    void aMistakeIsOneReadableLine() {
        List<Map<String, Object>> errors = cell(MISTAKE).errors();
        assertEquals(1, errors.size());
        assertEquals(List.of("dev.coral.magics.magic.CoralMagicException: unknown ref 'experimnet': "
                + "no branch, tag or commit id has that name"), errors.get(0).get("traceback"));
    }

    @Test
    void commitsOfTheJavaModelAreShown() {
        assertTrue(cell("%coral init").data("text/html").contains("Initialized"));
        String added = cell("%coral add model").data("text/html");
        assertTrue(added.contains("Staged 5 tensors") && added.contains("embed.weight"), added);
        assertTrue(cell("%coral commit -m").data("text/plain").contains("initial weights"));
        assertTrue(cell("%%coral commit").data("text/plain").contains("fine-tune fc1"));
    }

    @Test
    void theDiffIsATableAndAValue() {
        String diff = cell("var d = %coral diff").data("text/html");
        assertTrue(diff.contains("<table") && diff.contains("fc1.weight") && diff.contains("fc2.bias"), diff);
        assertTrue(!diff.contains(">fc1.bias<") && !diff.contains(">embed.weight<"), "unchanged tensors are not rows");
        assertEquals("[fc1.weight, fc2.bias]", cell("d.modified()").data("text/plain"));
    }

    @Test
    void branchAndLogShowTheHistory() {
        assertTrue(cell("%coral branch experiment").data("text/html").contains("experiment"));
        String log = cell("%coral log").data("text/html");
        assertTrue(log.contains("initial weights") && log.contains("fine-tune fc1") && log.contains("experiment"), log);
    }

    @Test
    void theChartIsAPngOfItsStatedSize() throws Exception {
        CodeCell chart = cell("CoralCharts.layerChange");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(chart.data("image/png"))));
        String text = chart.data("text/plain");
        assertTrue(text.contains(image.getWidth() + "×" + image.getHeight()), text + " vs " + image.getWidth() + "×" + image.getHeight());
        assertEquals(800, image.getWidth());
    }

    @Test
    void aTensorOfTheOlderCommitLoadsLazilyAndIsCached() {
        String view = cell("var coral = %coral open").data("text/html");
        assertTrue(view.contains("HEAD~1") && view.contains("fc1.weight"), view);
        assertEquals("true", cell("Tensor oldFc1").data("text/plain"));
        String cache = cell("before.tensor").data("text/plain");
        assertTrue(cache.contains("1 hits, 1 misses"), cache);
        assertTrue(cell("%coral show HEAD~1:fc1.weight").data("text/html").contains("<svg"), "the histogram");
    }
}
