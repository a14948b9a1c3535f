package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.result.GcResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gc} deletes object files no tensor names once they are older than the grace period, and nothing else. */
class GcTest {
    @TempDir
    Path dir;

    private List<Path> objectFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private Path orphan(String relative, int bytes, Duration age) throws Exception {
        Path file = dir.resolve(".coral/objects").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void oldUnreferencedFilesAreDeletedYoungOnesAndCommittedOnesKept() throws Exception {
        Tensor large = Tensor.randn(1, 400, 400);
        Tensor small = Tensor.randn(2, 20, 20);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("large", large, "small", small), "one object file, one inline tensor");
            List<Path> committed = objectFiles();
            assertEquals(1, committed.size());
            Path old = orphan("ab/00112233aabbccdd", 1000, Duration.ofHours(3));
            Path young = orphan("cd/8899aabbccddeeff", 500, Duration.ofMinutes(5));

            GcResult r = repo.gc(Repository.GC_GRACE);
            assertEquals(new GcResult(1, 1000, 1, 3600), r);
            assertFalse(Files.exists(old));
            assertTrue(Files.exists(young), "a young file may belong to a commit in progress");
            assertTrue(Files.exists(committed.get(0)));

            assertEquals(new GcResult(1, 500, 0, 0), repo.gc(Duration.ZERO));
            assertEquals(committed, objectFiles(), "only the committed file is left");
            assertEquals(new GcResult(0, 0, 0, 0), repo.gc(Duration.ZERO));
            assertEquals(large, repo.read("HEAD", "large"));
            assertEquals(small, repo.read("HEAD", "small"));
            assertTrue(repo.fsck().ok());
        }
    }

    @Test
    void aNegativeGracePeriodIsRefused() {
        try (Repository repo = Repository.init(dir)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> repo.gc(Duration.ofSeconds(-1)));
            assertTrue(e.getMessage().contains("grace"), e.getMessage());
        }
    }
}
