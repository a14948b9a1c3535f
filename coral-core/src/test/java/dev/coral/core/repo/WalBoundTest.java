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
 * The write-ahead log is folded into the database as commits log more than an eighth of it (at least
 * {@value WalBound#MIN_BYTES} bytes), its file stays within twice that, and closing waits for a checkpoint
 * that is scheduled or running.
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
            long committedBytes = 0;
            for (int i = 0; i < 120; i++) {
                repo.config().set("durability", i % 2 == 0 ? "process" : "full");
                committedBytes += repo.commit(Map.of("w" + i, base.plus(Tensor.randn(100 + i, 100, 100).times(0.01))),
                        "weight " + i).bytesWritten();
                repo.awaitHousekeeping();
                long log = size(wal);
                largestLog = Math.max(largestLog, log);
                assertTrue(log <= WalBound.logFileLimit(WalBound.thresholdFor(size(db))) + 256 * 1024,
                        "after commit " + i + ": log " + log + " bytes, database " + size(db));
            }
            assertTrue(largestLog > 0, "the log was used");
            assertTrue(size(db) >= committedBytes - 2 * WalBound.MIN_BYTES,
                    "the log was folded: the database file holds " + size(db) + " of " + committedBytes + " bytes committed");
            assertEquals(base.plus(Tensor.randn(100, 100, 100).times(0.01)), repo.read("HEAD", "w0"));
        }
    }

    @Test
    void aNewRepositorysFirstCommitsStayInsideItsPreallocatedLog() throws Exception {
        Path wal = dir.resolve(".coral/coral.db-wal");
        try (Repository repo = Repository.init(dir)) {
            assertEquals(Database.PREALLOCATED_LOG_BYTES, size(wal), "init leaves the log preallocated");
            for (int i = 0; i < 5; i++) {
                repo.commit(Map.of("w" + i, Tensor.randn(i, 100, 100)), "commit " + i);
            }
            assertEquals(Database.PREALLOCATED_LOG_BYTES, size(wal), "five 40 kB commits did not grow the log file");
        }
        try (Repository repo = Repository.open(dir)) {
            assertEquals(Tensor.randn(4, 100, 100), repo.read("HEAD", "w4"));
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
            assertTrue(size(wal) > 300000, "the filler is in the log, not yet in the database");
            WalBound bound = new WalBound(db);
            long before = size(file);
            bound.afterCommit(2 * WalBound.MIN_BYTES);
            bound.close();
            assertTrue(size(file) >= before + 300000, "close returned after the checkpoint folded the log");
            bound.afterCommit(2 * WalBound.MIN_BYTES); // after close: nothing to schedule, and no failure
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
