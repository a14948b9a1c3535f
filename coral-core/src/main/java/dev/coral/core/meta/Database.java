package dev.coral.core.meta;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The repository database ({@code .coral/coral.db}): SQLite in WAL mode with a busy timeout and foreign
 * keys, shared by every thread of a {@code Repository} and by every process that opens the repository.
 *
 * <p>Writes go through {@link #write}: one connection per {@code Database}, guarded by a lock so threads
 * of this process queue in Java instead of spinning in SQLite, and a {@code BEGIN IMMEDIATE} transaction
 * so that writers of other processes are serialized by SQLite. Reads go through {@link #read} on pooled
 * connections, which WAL lets run beside a writer. {@code SQLITE_BUSY} is never surfaced while it keeps
 * clearing: the work is retried from the start with a randomized back-off for up to
 * {@link #BUSY_DEADLINE_MS} ms.
 */
public final class Database implements AutoCloseable {
    /** How long a busy database is retried before the operation gives up. */
    public static final long BUSY_DEADLINE_MS = 120_000;
    private static final int BUSY_TIMEOUT_MS = 5_000;
    /** Size of the write-ahead log file {@link #preallocateLog} writes. */
    public static final long PREALLOCATED_LOG_BYTES = 1024 * 1024;
    /** Passive checkpoints tried before the rest of the log is copied under the write lock. */
    private static final int PASSIVE_ROUNDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    /** Last in, first out: the connection used last has its statements prepared and its page cache warm. */
    private final ConcurrentLinkedDeque<DbConnection> idleReaders = new ConcurrentLinkedDeque<>();
    private final List<DbConnection> allConnections = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final DbConnection writer;
    private final Object checkpointerLock = new Object();
    private DbConnection checkpointer;
    private volatile boolean closed;

    private Database(Path file) {
        this.file = file;
        this.writer = connect();
    }

    /**
     * Creates the database file with the current schema.
     *
     * @throws InvalidInputException when the file exists
     */
    public static Database create(Path file) {
        if (Files.exists(file)) {
            throw new InvalidInputException(file + " already exists");
        }
        Database db = new Database(file);
        try {
            db.writer.execute("PRAGMA journal_mode=WAL");
            db.write(c -> {
                Schema.create(c);
                return null;
            });
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof RuntimeException r ? r : new CoralException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing database and checks its schema version (on the writing connection, which thereby
     * loads the schema before the first commit needs it).
     *
     * @throws NotFoundException when the file does not exist
     */
    public static Database open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("repository database " + file + " is missing");
        }
        Database db = new Database(file);
        try {
            db.writeLock.lock();
            try {
                db.retryingBusy(() -> {
                    Schema.check(db.writer, file);
                    return null;
                }, "open");
            } finally {
                db.writeLock.unlock();
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Gives the database {@code file}, which no connection has open and no other process can open yet (it was
     * just created in a directory not published yet), a write-ahead log of {@value #PREALLOCATED_LOG_BYTES}
     * bytes of zeros, synced, so that its first commits do not grow the log file ({@link LogPreallocation}).
     *
     * @throws CoralException when the log cannot be written, or exists already
     */
    public static void preallocateLog(Path file) {
        try {
            LogPreallocation.write(file, PREALLOCATED_LOG_BYTES);
        } catch (IOException e) {
            throw new CoralException("cannot preallocate the write-ahead log of " + file + ": " + e, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Sets {@code PRAGMA synchronous} of the writing connection: FULL when {@code fsync} is true, else NORMAL. */
    public void setSynchronous(boolean fsync) {
        writeLock.lock();
        try {
            writer.execute("PRAGMA synchronous=" + (fsync ? "FULL" : "NORMAL"));
        } catch (SQLException e) {
            throw failure("set synchronous mode", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Folds the write-ahead log into the database file. The log is copied by passive checkpoints on a
     * connection of its own, which do not hold up writers; once one finds every frame copied, the next
     * commit starts the log over from the beginning of its file (SQLite restarts a fully copied log), so
     * the file keeps its size and is not extended again — an fsync of an extended file also commits the
     * file-system journal. When commits keep adding frames faster than {@value #PASSIVE_ROUNDS} passive
     * rounds copy them, or with {@code truncate}, the rest is copied holding the write lock and the log
     * restarted (or truncated to zero bytes). When readers of other processes are in the way, leaves the
     * rest of the log for the next checkpoint.
     *
     * @return true when the whole log was folded back
     */
    public boolean checkpoint(boolean truncate) {
        for (int round = 0; round < (truncate ? 1 : PASSIVE_ROUNDS); round++) {
            if (passiveCheckpoint() && !truncate) {
                return true;
            }
        }
        writeLock.lock();
        try {
            ensureOpen();
            writer.execute("PRAGMA busy_timeout=0");
            try (ResultSet rs = writer.prepare("PRAGMA wal_checkpoint(" + (truncate ? "TRUNCATE" : "RESTART") + ")").executeQuery()) {
                return rs.next() && rs.getInt(1) == 0;
            } catch (SQLException e) {
                if (isBusy(e)) {
                    return false;
                }
                throw e;
            } finally {
                writer.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            }
        } catch (SQLException e) {
            throw failure("checkpoint", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** A passive checkpoint on the checkpointing connection; true when it copied every frame of the log. */
    private boolean passiveCheckpoint() {
        synchronized (checkpointerLock) {
            ensureOpen();
            if (checkpointer == null) {
                checkpointer = connect();
            }
            try (ResultSet rs = checkpointer.prepare("PRAGMA wal_checkpoint(PASSIVE)").executeQuery()) {
                // columns: busy, frames in the log, frames copied into the database
                return rs.next() && rs.getInt(1) == 0 && rs.getInt(2) == rs.getInt(3);
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    throw failure("checkpoint", e);
                }
                return false;
            }
        }
    }

    /**
     * Caps the size the write-ahead log file keeps once the log restarts ({@code PRAGMA journal_size_limit}
     * of the writing connection); a larger file is truncated to it.
     */
    public void limitLogFile(long bytes) {
        writeLock.lock();
        try {
            ensureOpen();
            writer.execute("PRAGMA journal_size_limit=" + bytes);
        } catch (SQLException e) {
            throw failure("limit the write-ahead log", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a pooled connection outside any explicit transaction. */
    public <T> T read(SqlWork<T> work) {
        DbConnection c = borrowReader();
        try {
            return retryingBusy(() -> work.run(c), "read");
        } finally {
            idleReaders.push(c);
        }
    }

    /**
     * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction and commits it. A runtime exception
     * thrown by {@code work} rolls the transaction back and propagates. When SQLite reports the database
     * busy, the transaction is rolled back and {@code work} runs again, so it must derive everything it
     * writes from what it reads inside the transaction.
     */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return retryingBusy(() -> inTransaction(work), "write");
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        writer.prepare("BEGIN IMMEDIATE").execute();
        try {
            T result = work.run(writer);
            writer.prepare("COMMIT").execute();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Throwable cause) {
        try {
            writer.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @FunctionalInterface
    private interface SqlAttempt<T> {
        T run() throws SQLException;
    }

    private <T> T retryingBusy(SqlAttempt<T> attempt, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_DEADLINE_MS);
        int tries = 0;
        while (true) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    throw failure(what, e);
                }
                LOG.debug("repository database {} busy during {} (attempt {}): {}", file, what, tries + 1, e.getMessage());
                if (System.nanoTime() > deadline) {
                    throw new CoralException("the repository database " + file + " stayed locked by another process for "
                            + BUSY_DEADLINE_MS / 1000 + " s; is a process stuck?", e);
                }
                backOff(++tries);
            }
        }
    }

    private static void backOff(int tries) {
        long maxMicros = Math.min(50_000, 200L << Math.min(tries, 8));
        long micros = ThreadLocalRandom.current().nextLong(maxMicros / 2, maxMicros + 1);
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoralException("interrupted while waiting for the repository database", e);
        }
    }

    /** True for SQLITE_BUSY and SQLITE_LOCKED in any of their extended forms. */
    static boolean isBusy(SQLException e) {
        int primary = (e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode()) & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private DbConnection borrowReader() {
        ensureOpen();
        DbConnection c = idleReaders.pollFirst();
        return c != null ? c : connect();
    }

    private DbConnection connect() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setGetGeneratedKeys(false); // nothing reads them; sqlite-jdbc would query them after every insert
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try {
            DbConnection c = new DbConnection(config.createConnection("jdbc:sqlite:" + file));
            synchronized (allConnections) {
                allConnections.add(c);
            }
            return c;
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the repository at " + file.getParent() + " is closed");
        }
    }

    private CoralException failure(String what, SQLException e) {
        return new CoralException("repository database " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closed = true;
        CoralException failure = null;
        synchronized (allConnections) {
            for (DbConnection c : allConnections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = failure("close", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            allConnections.clear();
        }
        idleReaders.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
