package dev.coral.core.format;

import dev.coral.core.fs.Directories;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes to a
 * temp file in the same directory, is forced to disk, then renamed over the target, and the directory
 * is forced so that the rename itself is durable.
 */
final class AtomicFileWriter {

    /** Writes the content of a file through an open channel. */
    @FunctionalInterface
    interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes the content of a file by path, for libraries that open the file themselves. */
    @FunctionalInterface
    interface PathContent {
        void writeTo(Path file) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFileWriter() {
    }

    static void write(Path target, Content content) throws IOException {
        writeVia(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
            }
        });
    }

    /**
     * Lets {@code content} fill a new empty temp file next to {@code target}, then forces it to disk and
     * renames it over {@code target}.
     */
    static void writeVia(Path target, PathContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        // Created here (not by Files.createTempFile, whose 0600 permissions would end up on the exported file)
        // so that the temp file is ours before anything writes to it.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW).close();
        boolean moved = false;
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            Directories.sync(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
