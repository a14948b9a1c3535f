package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.core.cli.InitResult;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.RecordingDisplayer;
import dev.coral.kernel.api.StandaloneMagicContext;
import dev.coral.magics.lazy.Coral;
import dev.coral.magics.lazy.TensorCache;

/** Which repository {@code %coral} works on: found above the notebook's directory, or chosen. */
class NotebookRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void withoutOpenTheRepositoryAboveTheNotebooksDirectoryIsUsed() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", Tensor.randn(1, 3)), "first");
        }
        Path notebookDir = Files.createDirectories(dir.resolve("notebooks/experiments"));
        try (CoralMagic coral = new CoralMagic(notebookDir, TensorCache.builder().build())) {
            StatusResult status = assertInstanceOf(StatusResult.class, coral.run(MagicArgs.parse("status"), new StandaloneMagicContext(new RecordingDisplayer())));
            assertEquals("main", status.branch());
        }
    }

    @Test
    void withoutAnyRepositoryTheErrorSaysHowToGetOne() {
        try (CoralMagic coral = new CoralMagic(dir, TensorCache.builder().build())) {
            CoralMagicException e = assertThrows(CoralMagicException.class,
                    () -> coral.run(MagicArgs.parse("log"), new StandaloneMagicContext(new RecordingDisplayer())));
            assertTrue(e.getMessage().contains("%coral init DIR") && e.getMessage().contains("%coral open DIR"),
                    e.getMessage());
        }
    }

    @Test
    void openAndInitChooseTheNotebooksRepositoryRelativeToItsDirectory() throws Exception {
        Repository.init(dir.resolve("a")).close();
        try (CoralMagic coral = new CoralMagic(dir, TensorCache.builder().build())) {
            StandaloneMagicContext notebook = new StandaloneMagicContext(new RecordingDisplayer());
            Coral a = assertInstanceOf(Coral.class, coral.run(MagicArgs.parse("open a"), notebook));
            assertEquals(dir.resolve("a").toRealPath(), a.repository().root().toRealPath());

            InitResult b = assertInstanceOf(InitResult.class, coral.run(MagicArgs.parse("init b"), notebook));
            assertEquals(dir.resolve("b").toRealPath(), b.root().toRealPath());
            // the notebook's directory holds no repository: status works because init chose b
            assertInstanceOf(StatusResult.class, coral.run(MagicArgs.parse("status"), notebook));
            assertTrue(Files.isDirectory(dir.resolve("b").resolve(Repository.DIR)));
        }
    }
}
