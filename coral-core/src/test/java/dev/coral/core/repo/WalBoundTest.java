package dev.coral.core.repo;

import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After every commit the write-ahead log is at most an eighth of the database (or {@value WalBound#MIN_BYTES} bytes). */
class WalBoundTest {
    @TempDir
    Path dir;

    private static long size(Path file) throws Exception {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    @Test
    void theLogStaysSmallBesideTheDatabaseInBothDurabilities() throws Exception {
        Path db = dir.resolve(".coral/coral.db");
        Path wal = dir.resolve(".coral/coral.db-wal");
        try (Repository repo = Repository.init(dir)) {
            Tensor base = Tensor.randn(1, 100, 100);
            long largestLog = 0;
            for (int i = 0; i < 60; i++) {
                repo.config().set("durability", i % 2 == 0 ? "process" : "full");
                repo.commit(Map.of("w" + i, base.plus(Tensor.randn(100 + i, 100, 100).times(0.01))), "weight " + i);
                long log = size(wal);
                largestLog = Math.max(largestLog, log);
                assertTrue(log <= Math.max(WalBound.MIN_BYTES, size(db) / 8),
                        "after commit " + i + ": log " + log + " bytes, database " + size(db));
            }
            assertTrue(largestLog > 0, "the log was used");
            assertEquals(base.plus(Tensor.randn(100, 100, 100).times(0.01)), repo.read("HEAD", "w0"));
        }
    }
}
