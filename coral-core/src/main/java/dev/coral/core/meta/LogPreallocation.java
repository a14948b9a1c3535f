package dev.coral.core.meta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a database's write-ahead log file ahead of SQLite: zeros, synced. SQLite takes a log whose header is
 * not valid as an empty log and writes its frames from the start of the file, so the first commits overwrite
 * blocks already on disk: their fsync then only flushes data, while an fsync after the file grew also commits
 * the file system's journal (≈ 0.1–0.15 ms more per commit, measured on a new repository's first commit).
 *
 * <p>Only for a database no connection has open and nobody else can open yet (one just created in a private
 * directory): a log SQLite wrote must never be overwritten. SQLite deletes the log when its last connection
 * closes, so the preallocation lasts until then; writing it on every open cost ≈ 1.2 ms per open (a 1 MiB
 * write and its fsync), more than reading commands can spare.
 */
final class LogPreallocation {
    private static final int BLOCK = 64 * 1024;

    private LogPreallocation() {
    }

    /** The write-ahead log of {@code database}: SQLite's name for it. */
    static Path logOf(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    /**
     * Creates the log of {@code database} with {@code bytes} zeros and syncs it.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the database has a log
     */
    static void write(Path database, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(BLOCK);
        try (FileChannel ch = FileChannel.open(logOf(database), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long at = 0; at < bytes; ) {
                zeros.clear().limit((int) Math.min(BLOCK, bytes - at));
                at += ch.write(zeros, at);
            }
            ch.force(true);
        }
    }
}
