package dev.coral.core.meta;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives a database that has no write-ahead log yet a log file of zeros, written and synced, before SQLite
 * opens it. SQLite takes a log whose header is not valid for an empty log and writes its frames from the
 * start of the file, so the first commits overwrite blocks already on disk: their fsync then only flushes
 * data, while an fsync after the file grew also commits the file system's journal (≈ 0.1–0.15 ms more per
 * commit, measured on a new repository's first commit). SQLite deletes the log when its last connection
 * closes, so this runs each time a repository is opened with no other connection to it.
 *
 * <p>The file is written under a temporary name and hard-linked into place, which fails when a log exists:
 * a log SQLite created or holds is never touched, however the openings of several processes interleave.
 */
final class LogPreallocation {
    private static final Logger LOG = LoggerFactory.getLogger(LogPreallocation.class);
    private static final int BLOCK = 64 * 1024;

    private LogPreallocation() {
    }

    /** The write-ahead log of {@code database}: SQLite's name for it. */
    static Path logOf(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    /**
     * Puts a synced log of {@code bytes} zeros beside {@code database} unless it has a log. When that cannot be
     * done (a read-only directory, a full disk), SQLite creates the log as it would anyway; the reason is
     * logged at debug level.
     */
    static void ensure(Path database, long bytes) {
        Path log = logOf(database);
        if (Files.exists(log)) {
            return;
        }
        Path scratch = database.resolveSibling(database.getFileName() + "-wal."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try {
                writeZeros(scratch, bytes);
                Files.createLink(log, scratch);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (FileAlreadyExistsException e) {
            LOG.debug("{} appeared while it was being preallocated; SQLite's is kept", log);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot preallocate the write-ahead log {}: {}", log, e.toString());
        }
    }

    private static void writeZeros(Path file, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(BLOCK);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long at = 0; at < bytes; ) {
                zeros.clear().limit((int) Math.min(BLOCK, bytes - at));
                at += ch.write(zeros, at);
            }
            ch.force(true);
        }
    }
}
