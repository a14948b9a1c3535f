package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.format.TensorFiles;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.RecordingDisplayer;
import dev.coral.kernel.api.RecordingDisplayer.Shown;
import dev.coral.kernel.api.StandaloneMagicContext;
import dev.coral.magics.lazy.TensorCache;
import dev.coral.magics.progress.ProgressState;

/** The progress bar of {@code %coral} commands, with no quiet period so that every phase shows. */
class CoralMagicProgressTest {
    @TempDir
    Path dir;

    @Test
    void addAndExportShowTheirPhasesOnOneBarUpdatedInPlace() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            tensors.put("layer" + i + ".weight", Tensor.randn(i, 8, 8));
        }
        TensorFiles.write(dir.resolve("model.safetensors"), tensors);
        RecordingDisplayer displays = new RecordingDisplayer();
        StandaloneMagicContext notebook = new StandaloneMagicContext(displays);
        try (CoralMagic coral = new CoralMagic(dir, TensorCache.builder().build(), Duration.ZERO)) {
            coral.run(MagicArgs.parse("init repo"), notebook);
            displays.clear();

            AddResult added = assertInstanceOf(AddResult.class, coral.run(MagicArgs.parse("add model.safetensors"), notebook));
            assertEquals(50, added.staged().size());
            assertOneBar(displays, "reading", "storing 50 tensors");

            coral.run(MagicArgs.parse("commit -m first"), notebook);
            displays.clear();
            ExportResult exported = assertInstanceOf(ExportResult.class,
                    coral.run(MagicArgs.parse("export main out.safetensors"), notebook));
            assertEquals(50, exported.tensors());
            assertOneBar(displays, "reading tensors");
            assertTrue(displays.shown().stream().map(CoralMagicProgressTest::state).anyMatch(s -> s.total() == 50 && s.done() == 50),
                    "the export phase counts tensors up to 50");
        }
    }

    private static void assertOneBar(RecordingDisplayer recorder, String... phases) {
        List<Shown> shown = recorder.shown();
        assertEquals("display", shown.get(0).kind());
        assertTrue(shown.stream().skip(1).allMatch(s -> s.kind().equals("update") && s.displayId().equals(shown.get(0).displayId())),
                "one output, updated in place");
        for (String phase : phases) {
            assertTrue(shown.stream().anyMatch(s -> state(s).task().equals(phase)), phase + " in " + shown);
        }
        assertTrue(state(shown.get(shown.size() - 1)).finished());
    }

    private static ProgressState state(Shown shown) {
        return (ProgressState) shown.value();
    }
}
