package dev.coral.core.repo;

import dev.coral.core.error.CoralException;
import dev.coral.core.meta.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps the database's write-ahead log small beside the database. SQLite folds the log back only every
 * 1,000 pages and then reuses the file at its largest size, so a young repository would carry a log
 * several times its data (every commit logs whole 4 KiB pages for a few changed rows). After each
 * commit this folds the log into the database and truncates it once it exceeds an eighth of the
 * database (at least {@value #MIN_BYTES} bytes): the log then costs at most about 12.5 % extra space,
 * and the fsyncs of a checkpoint are paid once per that many bytes of commits, fewer as the repository
 * grows. A checkpoint that readers of other processes are in the way of is skipped and retried after
 * the next commit ({@link Database#checkpoint}). The commit is acknowledged whatever happens here: a failed
 * checkpoint is logged, and SQLite's own checkpointing still bounds the log.
 */
final class WalBound {
    private static final Logger LOG = LoggerFactory.getLogger(WalBound.class);

    static final long MIN_BYTES = 64 * 1024;
    private static final int DATABASE_SHARE = 8;

    private final Database db;
    private final Path wal;

    WalBound(Database db) {
        this.db = db;
        this.wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
    }

    /** Called after a write transaction has committed. */
    void afterCommit() {
        try {
            if (sizeOf(wal) > Math.max(MIN_BYTES, sizeOf(db.file()) / DATABASE_SHARE)) {
                db.checkpoint();
            }
        } catch (CoralException e) {
            LOG.warn("could not fold the write-ahead log of {} into the database: {}", db.file(), e.getMessage());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new CoralException("cannot measure " + file + ": " + e.getMessage(), e);
        }
    }
}
