package dev.coral.bench.qa;

import dev.coral.bench.DirectoryTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** A temporary directory for one repository, deleted with everything in it on close. */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    ScratchDirectory(String prefix) {
        try {
            path = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** Bytes of every regular file under {@code dir}. */
    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(ScratchDirectory::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a file removed while walking (WAL checkpoint) no longer occupies space
        }
    }

    /**
     * Deletes the directory, then syncs its parent, so that the file-system journal commits the deletions (and
     * discards the freed blocks) now rather than inside the next measured operation's fsync.
     */
    @Override
    public void close() {
        DirectoryTrees.delete(path);
        try (FileChannel parent = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            parent.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + path.getParent(), e);
        }
    }
}
