package dev.coral.core.repo;

import dev.coral.core.error.CoralException;
import dev.coral.core.meta.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the database's write-ahead log small beside the database. SQLite folds the log back only every
 * 1,000 pages and then reuses the file at its largest size, so a young repository would carry a log
 * several times its data (every commit logs whole 4 KiB pages for a few changed rows). After a commit
 * whose log exceeds an eighth of the database (at least {@value #MIN_BYTES} bytes) this folds the log into
 * the database and truncates it: the log then costs about 12.5 % extra space, and the fsyncs of a
 * checkpoint are paid once per that many bytes of commits, fewer as the repository grows.
 *
 * <p>The commit is durable before the checkpoint starts, so the checkpoint is housekeeping: it runs on one
 * daemon thread of this repository, not on the committing thread, and the commit is acknowledged at once.
 * Checkpoints coalesce: at most one waits behind the one running, and it checks the log's size again
 * before it starts. A checkpoint that readers of other processes are in the way of is skipped and retried
 * after the next commit ({@link Database#checkpoint}); a failed one is logged, and SQLite's own
 * checkpointing still bounds the log. {@link #close()} waits for the checkpoint in flight, so the
 * database can be closed after it.
 */
final class WalBound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalBound.class);

    static final long MIN_BYTES = 64 * 1024;
    private static final int DATABASE_SHARE = 8;

    private final Database db;
    private final Path wal;
    private final ExecutorService housekeeper = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "coral-wal-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    WalBound(Database db) {
        this.db = db;
        this.wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
    }

    /** Called after a write transaction has committed; schedules a checkpoint when the log is too large. */
    void afterCommit() {
        if (logTooLarge() && pending.compareAndSet(false, true)) {
            try {
                housekeeper.execute(this::checkpoint);
            } catch (RejectedExecutionException closing) {
                // The repository is closing; closing the database's last connection checkpoints the log.
                pending.set(false);
            }
        }
    }

    private void checkpoint() {
        pending.set(false); // a commit from now on may schedule the next check
        try {
            if (logTooLarge()) {
                db.checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not fold the write-ahead log of {} into the database: {}", db.file(), e.getMessage(), e);
        }
    }

    private boolean logTooLarge() {
        try {
            return sizeOf(wal) > Math.max(MIN_BYTES, sizeOf(db.file()) / DATABASE_SHARE);
        } catch (CoralException e) {
            LOG.warn("could not check the write-ahead log of {}: {}", db.file(), e.getMessage());
            return false;
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

    /** Waits until the checkpoints scheduled so far have finished (for tests). */
    void awaitIdle() throws InterruptedException, ExecutionException {
        housekeeper.submit(() -> { }).get();
    }

    /**
     * Stops taking checkpoints and waits for the one in flight (and one scheduled) to finish. It is bounded
     * by the checkpoint's I/O, so an interrupt is kept for the caller rather than leaving a checkpoint
     * running against a database about to close.
     */
    @Override
    public void close() {
        housekeeper.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (housekeeper.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
