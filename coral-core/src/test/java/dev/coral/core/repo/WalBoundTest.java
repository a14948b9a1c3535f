package dev.coral.core.repo;

import dev.coral.core.meta.Database;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once the housekeeping after a commit has run, the write-ahead log is at most an eighth of the database
 * (or {@value WalBound#MIN_BYTES} bytes); closing waits for a checkpoint that is scheduled or running.
 */
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
                repo.awaitHousekeeping();
                long log = size(wal);
                largestLog = Math.max(largestLog, log);
                assertTrue(log <= Math.max(WalBound.MIN_BYTES, size(db) / 8),
                        "after commit " + i + ": log " + log + " bytes, database " + size(db));
            }
            assertTrue(largestLog > 0, "the log was used");
            assertEquals(base.plus(Tensor.randn(100, 100, 100).times(0.01)), repo.read("HEAD", "w0"));
        }
    }

    @Test
    void closingWaitsForTheScheduledCheckpoint() throws Exception {
        Path file = dir.resolve("scratch.db");
        Path wal = dir.resolve("scratch.db-wal");
        Database db = Database.create(file);
        try {
            db.write(c -> {
                c.execute("CREATE TABLE filler(bytes BLOB)");
                c.execute("INSERT INTO filler VALUES (randomblob(300000))");
                return null;
            });
            assertTrue(size(wal) > Math.max(WalBound.MIN_BYTES, size(file) / 8), "the log is over its bound");
            WalBound bound = new WalBound(db);
            bound.afterCommit();
            bound.close();
            assertEquals(0, size(wal), "close returned after the checkpoint truncated the log");
            bound.afterCommit(); // after close: nothing to schedule, and no failure
        } finally {
            db.close();
        }
    }

    @Test
    void closingRightAfterACommitIsCleanAndKeepsTheCommit() throws Exception {
        Tensor weight = Tensor.randn(3, 100, 100);
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", weight), "first commit, which overflows the log of a fresh repository");
        }
        try (Repository repo = Repository.open(dir)) {
            assertEquals(weight, repo.read("HEAD", "w"));
            repo.awaitHousekeeping();
        } // closing with nothing scheduled returns at once
    }
}
