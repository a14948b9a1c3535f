package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.ErrorReport;
import dev.coral.kernel.api.Rendering;

/**
 * {@code %coral} in a real in-process kernel: each test is a few notebook cells on one repository,
 * in the order a user would run them, asserting the MIME bundles the notebook receives and that results
 * are values the next cell can use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoralMagicKernelTest {
    @TempDir
    static Path dir;
    static NotebookCells cells;

    @BeforeAll
    static void startKernel() {
        cells = new NotebookCells();
        cells.ok("import dev.coral.core.tensor.*;\nimport java.util.*;");
    }

    @AfterAll
    static void stopKernel() {
        cells.close();
    }

    static String html(Rendering r) {
        String html = r.data().get(Rendering.HTML);
        assertTrue(html != null && !html.isEmpty(), () -> "no HTML in " + r.data().keySet());
        return html;
    }

    @Test
    @Order(1)
    void initAddsAJavaModelAndCommits() {
        Path repo = dir.resolve("models");
        String init = html(cells.value("%coral init " + repo));
        assertTrue(init.contains("Initialized"), init);
        assertTrue(Files.isDirectory(repo.resolve(".coral")));

        cells.ok("""
                Map<String, Tensor> model = new LinkedHashMap<>();
                model.put("fc1.weight", Tensor.randn(1, 16, 8));
                model.put("fc1.bias", Tensor.randn(2, 16));
                model.put("fc2.weight", Tensor.randn(3, 4, 16));""");
        Rendering added = cells.value("%coral add model");
        assertTrue(html(added).contains("fc1.weight") && html(added).contains("fc2.weight"), html(added));
        assertTrue(html(added).contains("Staged 3 tensors"), html(added));
        assertTrue(added.data().get(Rendering.TEXT).contains("fc1.bias"), added.data().get(Rendering.TEXT));

        Rendering status = cells.value("%coral status");
        assertTrue(html(status).contains("fc1.bias"), html(status));

        cells.ok("var c = %coral commit -m \"first weights\"");
        assertEquals("first weights", cells.value("c.commit().message()").data().get(Rendering.TEXT));
        try (Repository r = Repository.open(repo)) {
            assertEquals(Tensor.randn(1, 16, 8), r.read("main", "fc1.weight"));
        }
    }

    @Test
    @Order(2)
    void cellMagicCommitsWithTheBodyAsMessageAndDiffIsAValue() {
        cells.ok("""
                model.put("fc1.weight", model.get("fc1.weight").plus(Tensor.randn(9, 16, 8).times(0.01)));
                model.put("fc2.weight", Tensor.randn(10, 4, 16));""");
        cells.ok("%coral add model");
        Rendering commit = cells.value("%%coral commit\nfine-tune two layers\n\nlr=0.01");
        assertTrue(html(commit).contains("fine-tune two layers"), html(commit));

        cells.ok("var d = %coral diff HEAD~1 HEAD");
        assertEquals("2", cells.value("d.modified().size()").data().get(Rendering.TEXT));
        String diff = html(cells.value("d"));
        assertTrue(diff.contains("fc1.weight") && diff.contains("fc2.weight"), diff);
        assertFalse(diff.contains("fc1.bias"), "an unchanged tensor is not a diff row: " + diff);
    }

    @Test
    @Order(3)
    void branchTagLogShowAndExport() {
        assertTrue(html(cells.value("%coral branch experiment")).contains("experiment"));
        assertTrue(html(cells.value("%coral branch")).contains("experiment"));
        assertTrue(html(cells.value("%coral tag v1 -m \"ship it\"")).contains("v1"));
        cells.ok("int epoch = 7;");
        assertTrue(html(cells.value("%coral tag {\"epoch-\" + epoch}")).contains("epoch-7"), "{expression} expands");
        String log = html(cells.value("%coral log"));
        assertTrue(log.contains("first weights") && log.contains("fine-tune two layers") && log.contains("v1"), log);
        String show = html(cells.value("%coral show HEAD~1:fc1.weight"));
        assertTrue(show.contains("fc1.weight") && show.contains("16"), show);
        assertTrue(show.contains("<svg"), "a tensor is shown with its histogram");
        cells.ok("var s = %coral show HEAD~1:fc1.weight");
        assertEquals("true", cells.value("s.histogram() != null").data().get(Rendering.TEXT));

        Path out = dir.resolve("v1.safetensors");
        cells.value("%coral export v1 " + out);
        assertEquals(Tensor.randn(10, 4, 16), TensorFiles.read(out).tensors().get("fc2.weight"));
    }

    @Test
    @Order(4)
    void addAcceptsModelObjectsSingleTensorsAndFiles() throws Exception {
        cells.ok("""
                record Mlp(Tensor w, Tensor b) {
                    Map<String, Tensor> stateDict() { return Map.of("mlp.w", w, "mlp.b", b); }
                }
                var mlp = new Mlp(Tensor.randn(20, 3, 3), Tensor.randn(21, 3));
                Tensor alone = Tensor.randn(22, 5);
                """);
        String added = html(cells.value("%coral add mlp alone"));
        assertTrue(added.contains("mlp.w") && added.contains("mlp.b") && added.contains("alone"), added);

        Path file = dir.resolve("extra.safetensors");
        TensorFiles.write(file, Map.of("extra.w", Tensor.randn(23, 2, 2)));
        cells.ok("String path = \"" + file + "\";");
        assertTrue(html(cells.value("%coral add path")).contains("extra.w"));
        assertTrue(html(cells.value("%coral add " + file)).contains("extra.w"));
        cells.ok("%coral commit -m \"more tensors\"");
    }

    @Test
    @Order(5)
    void mistakesGiveOneReadableLineAndTheKernelStaysUsable() {
        assertShortError("%coral frobnicate", "'frobnicate' is not a coral command");
        assertShortError("%coral diff", "FROM");
        assertShortError("%coral diff nosuchbranch", "nosuchbranch");
        cells.ok("int number = 3;");
        assertShortError("%coral add number", "variable 'number' is of type Integer");
        assertShortError("%coral add nothing_here", "neither a notebook variable nor a file");
        cells.ok("Map<String, Object> wrong = Map.of(\"w\", 3);");
        assertShortError("%coral add wrong", "not a Tensor");
        assertShortError("%%coral commit\n", "empty");
        assertEquals("2", cells.value("1 + 1").data().get(Rendering.TEXT));
        assertTrue(html(cells.value("%coral status")).length() > 0);
    }

    private static void assertShortError(String cell, String expected) {
        ErrorReport error = cells.run(cell).error();
        assertTrue(error.message().contains(expected), () -> cell + " → " + error.message());
        assertEquals(1, error.traceback().size(), () -> "a stack trace for " + cell + ": " + error.traceback());
    }

    @Test
    @Order(6)
    void openGivesTheLazyFacadeAndCacheShowsItsStatistics() {
        cells.ok("var coral = %coral open " + dir.resolve("models"));
        cells.ok("var s0 = %coral cache");
        cells.ok("Tensor old = coral.at(\"HEAD~2\").tensor(\"fc2.weight\");");
        assertEquals("true", cells.value("old.equals(Tensor.randn(3, 4, 16))").data().get(Rendering.TEXT));
        cells.ok("coral.at(\"HEAD~2\").tensor(\"fc2.weight\");");
        cells.ok("var s1 = %coral cache");
        assertEquals("1 1", cells.value("(s1.hits() - s0.hits()) + \" \" + (s1.misses() - s0.misses())")
                .data().get(Rendering.TEXT), "one load from storage, then one hit");
        assertTrue(html(cells.value("s1")).contains("tensor cache"));
        String bounded = cells.value("%coral cache --max 2g").data().get(Rendering.TEXT);
        assertTrue(bounded.contains("of 2.0 GiB"), bounded);
        assertShortError("%coral cache --max lots", "'lots' is not a size");
    }

    @Test
    @Order(7)
    void completionOffersVerbsOptionsRefsAndTensorNames() {
        assertTrue(cells.complete("%coral com").containsAll(List.of("commit")), cells.complete("%coral com").toString());
        assertTrue(cells.complete("%coral ca").contains("cache"));
        assertTrue(cells.complete("%coral commit --me").contains("--message"));
        List<String> refs = cells.complete("%coral diff ");
        assertTrue(refs.containsAll(List.of("HEAD", "main", "experiment", "v1")), refs.toString());
        assertTrue(refs.stream().anyMatch(r -> r.matches("[0-9a-f]{12}")), refs.toString());
        assertEquals(List.of("experiment"), cells.complete("%coral checkout exp"));
        assertEquals(List.of("main:fc1.bias", "main:fc1.weight"), cells.complete("%coral show main:fc1"));
        assertTrue(cells.complete("%coral rm fc").containsAll(List.of("fc1.bias", "fc1.weight", "fc2.weight")));
    }

    @Test
    @Order(8)
    void everyOtherVerbAnswersWithARenderedRecord() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("%coral checkout experiment", "experiment");
        expected.put("%coral rm fc1.bias", "fc1.bias");
        expected.put("%coral reflog", "experiment");
        expected.put("%coral stats", "commits");
        expected.put("%coral fsck", "consistent");
        expected.put("%coral config list", "durability");
        expected.put("%coral config set durability process", "process");
        expected.put("%coral config get durability", "process");
        expected.forEach((cell, text) -> {
            Rendering r = cells.value(cell);
            assertTrue(html(r).contains(text) && !r.data().get(Rendering.TEXT).isBlank(), () -> cell + " → " + html(r));
        });
        String staged = html(cells.value("%coral status"));
        assertTrue(staged.contains("fc1.bias"), "rm is staged: " + staged);
    }

    @Test
    @Order(9)
    void aCellMagicWithAnotherVerbTakesItsBodyAsMoreArguments() {
        String added = html(cells.value("%%coral add --prefix copy.\nmlp\nalone"));
        assertTrue(added.contains("copy.mlp.w") && added.contains("copy.alone"), added);
    }

    @Test
    @Order(10)
    void helpIsTextThatNamesTheNotebookVerbs() {
        String help = cells.value("%coral --help").data().get(Rendering.TEXT);
        assertTrue(help.contains("commit") && help.contains("%coral open"), help);
        assertTrue(cells.value("%coral commit --help").data().get(Rendering.TEXT).contains("--message"));
    }

    @Test
    @Order(11)
    void jsonOptionGivesAJsonDocument() {
        String json = cells.value("%coral --json log -n 1 main").data().get(Rendering.JSON);
        assertTrue(json != null && json.contains("more tensors"), String.valueOf(json));
    }
}
