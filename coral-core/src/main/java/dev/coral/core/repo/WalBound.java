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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the database's write-ahead log small beside the database. Left alone, SQLite folds the log back
 * on the committing thread every 1,000 pages; a young repository would carry a log several times its data
 * (every commit logs whole pages for a few changed rows), and the commit that triggers the fold waits for
 * it. Instead, once the commits since the last fold have logged about an eighth of the database (at least
 * {@value #MIN_BYTES} bytes), this folds the log on a daemon thread of the repository
 * ({@link Database#checkpoint}: passive checkpoints that do not hold up commits, after which the log
 * restarts from the start of its file) and caps
 * the log file at twice that amount ({@link Database#limitLogFile}). The log file is reused rather than
 * truncated: appending to a truncated log made every {@code full}-durability commit's fsync also commit
 * the file-system journal (≈ 0.1 ms more per commit, measured on QA workload 3).
 *
 * <p>What a commit logs is estimated from what it writes into the database ({@link #afterCommit}); it only
 * decides how often the log is folded. Checkpoints coalesce: at most one waits behind the one running. A
 * failed one is logged, and SQLite's own checkpointing still bounds the log. {@link #close()} waits for
 * the checkpoint in flight, so the database can be closed after it.
 */
final class WalBound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalBound.class);

    /** The preallocated log: commits fill it before the first fold, which lets the log restart inside it. */
    static final long MIN_BYTES = Database.PREALLOCATED_LOG_BYTES;
    private static final int DATABASE_SHARE = 8;
    /** Pages a commit logs besides its payload: table and index pages of tensors, trees, commits, refs, reflog. */
    private static final long METADATA_BYTES_PER_COMMIT = 16 * 4096;

    private final Database db;
    private final ExecutorService housekeeper = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "coral-wal-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong loggedSinceFold = new AtomicLong();
    private volatile long threshold;

    WalBound(Database db) {
        this.db = db;
        this.threshold = thresholdFor(sizeOf(db.file()));
        db.limitLogFile(logFileLimit(threshold));
    }

    /** How many logged bytes trigger a fold, for a database of {@code databaseBytes}. */
    static long thresholdFor(long databaseBytes) {
        return Math.max(MIN_BYTES, databaseBytes / DATABASE_SHARE);
    }

    /** The size the log file is cut back to when it restarts. */
    static long logFileLimit(long threshold) {
        return 2 * threshold;
    }

    /**
     * Called after a write transaction has committed {@code payloadBytes} of tensor payloads into the
     * database; schedules a fold once enough has been logged.
     */
    void afterCommit(long payloadBytes) {
        long logged = loggedSinceFold.addAndGet(payloadBytes + METADATA_BYTES_PER_COMMIT);
        if (logged > threshold && pending.compareAndSet(false, true)) {
            try {
                housekeeper.execute(this::fold);
            } catch (RejectedExecutionException closing) {
                // The repository is closing; closing the database's last connection checkpoints the log.
                pending.set(false);
            }
        }
    }

    private void fold() {
        pending.set(false); // a commit from now on may schedule the next fold
        long logged = loggedSinceFold.get();
        try {
            if (db.checkpoint(false)) {
                loggedSinceFold.addAndGet(-logged);
            }
            long next = thresholdFor(sizeOf(db.file()));
            if (next != threshold) {
                threshold = next;
                db.limitLogFile(logFileLimit(next));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not fold the write-ahead log of {} into the database: {}", db.file(), e.getMessage(), e);
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
