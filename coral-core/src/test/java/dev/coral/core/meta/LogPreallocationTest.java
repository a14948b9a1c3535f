package dev.coral.core.meta;

import dev.coral.core.error.CoralException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preallocated write-ahead log of zeros is filled by SQLite from its start without growing, and recovered
 * from after a crash; a log that exists is never overwritten.
 */
class LogPreallocationTest {
    @TempDir
    Path dir;

    private Path newDatabase() {
        Path file = dir.resolve("test.db");
        try (Database db = Database.create(file)) {
            db.write(c -> {
                c.execute("CREATE TABLE rows(n INTEGER PRIMARY KEY, bytes BLOB NOT NULL)");
                return null;
            });
        }
        assertFalse(Files.exists(LogPreallocation.logOf(file)), "SQLite deletes the log when its last connection closes");
        return file;
    }

    private static byte[] blob(int n) {
        byte[] bytes = new byte[20_000];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static void insert(Database db, int n) {
        db.write(c -> {
            var ps = c.prepare("INSERT INTO rows VALUES (?, ?)");
            ps.setInt(1, n);
            ps.setBytes(2, blob(n));
            return ps.executeUpdate();
        });
    }

    private static void assertRows(Database db, int count) {
        db.read(c -> {
            try (ResultSet rs = c.prepare("SELECT n, bytes FROM rows ORDER BY n").executeQuery()) {
                for (int n = 0; n < count; n++) {
                    assertTrue(rs.next(), "row " + n + " is there");
                    assertEquals(n, rs.getInt(1));
                    assertArrayEquals(blob(n), rs.getBytes(2), "row " + n + " reads back exactly");
                }
                assertFalse(rs.next(), "no other row");
            }
            return null;
        });
    }

    @Test
    void theLogIsZerosOfTheSize() throws Exception {
        Path file = newDatabase();
        Database.preallocateLog(file);
        byte[] log = Files.readAllBytes(LogPreallocation.logOf(file));
        assertEquals(Database.PREALLOCATED_LOG_BYTES, log.length);
        assertTrue(Arrays.equals(new byte[log.length], log), "the log holds zeros only");
    }

    @Test
    void commitsGoInsideThePreallocatedLogAndSurviveAReopen() {
        Path file = newDatabase();
        Database.preallocateLog(file);
        try (Database db = Database.open(file)) {
            for (int n = 0; n < 10; n++) {
                insert(db, n);
            }
            assertEquals(Database.PREALLOCATED_LOG_BYTES, LogPreallocation.logOf(file).toFile().length(),
                    "200 kB of rows were logged inside the preallocated file, which did not grow");
            assertRows(db, 10);
        }
        try (Database db = Database.open(file)) {
            assertRows(db, 10);
        }
    }

    @Test
    void aCrashedDatabaseIsRecoveredFromItsPreallocatedLog() throws Exception {
        Path file = newDatabase();
        Database.preallocateLog(file);
        Path copy = dir.resolve("crashed").resolve("test.db");
        Files.createDirectories(copy.getParent());
        try (Database db = Database.open(file)) {
            for (int n = 0; n < 5; n++) {
                insert(db, n);
            }
            // the files as a kill -9 leaves them: the rows are only in the log, nobody folded it back
            Files.copy(file, copy);
            Files.copy(LogPreallocation.logOf(file), LogPreallocation.logOf(copy), StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (Database recovered = Database.open(copy)) {
            assertRows(recovered, 5);
        }
    }

    @Test
    void aLogThatExistsIsNeverOverwritten() throws Exception {
        Path file = newDatabase();
        Path log = LogPreallocation.logOf(file);
        try (Database other = Database.create(dir.resolve("other.db"))) {
            other.write(c -> {
                c.execute("CREATE TABLE t(x)");
                return null;
            });
            // another database's log, frames and all, under this database's name
            Files.copy(LogPreallocation.logOf(dir.resolve("other.db")), log);
        }
        byte[] before = Files.readAllBytes(log);
        CoralException e = assertThrows(CoralException.class, () -> Database.preallocateLog(file));
        assertTrue(e.getMessage().contains(log.toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(log));
    }
}
