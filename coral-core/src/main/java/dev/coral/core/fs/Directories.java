package dev.coral.core.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Durability of directory entries: a file created, renamed or linked survives a power cut only once the
 * directory holding its name has been synced too.
 *
 * <pre>{@code
 * Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
 * Directories.sync(target.getParent());
 * }</pre>
 */
public final class Directories {
    private Directories() {
    }

    /** Forces the entries of directory {@code dir} to disk (fsync of the directory). */
    public static void sync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
