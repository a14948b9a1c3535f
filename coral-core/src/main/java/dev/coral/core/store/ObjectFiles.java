package dev.coral.core.store;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Large encoded tensors as files under {@code .coral/objects/}: {@code ab/cdef….<8 hex>}, the first two hex
 * digits of the id as a fan-out directory and a random suffix so that two writers storing the same tensor
 * at once (possibly with different encodings) never overwrite each other's file; the database row names the
 * file it describes. A file is written to a temporary name, fsynced, renamed into place and its directory
 * fsynced (the fsyncs only with durability {@code full}; the file's own is an fdatasync, which covers its
 * size); it is read by memory mapping.
 */
final class ObjectFiles {
    private final Path root;

    ObjectFiles(Path objectsDir) {
        this.root = objectsDir;
    }

    /** Writes {@code payload} for {@code id} and returns the file's path relative to the objects directory. */
    String write(ObjectId id, ByteBuffer payload, boolean fsync) {
        String hex = id.hex();
        String relative = hex.substring(0, 2) + "/" + hex.substring(2) + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path target = root.resolve(relative);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (fsync) {
                    fsyncDirectory(root);
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = payload.duplicate();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                if (fsync) {
                    ch.force(false);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            if (fsync) {
                fsyncDirectory(dir);
            }
            return relative;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new CoralException("cannot write object file " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Maps the file of {@code id} read-only.
     *
     * @throws CorruptObjectException when it is missing or its size is not {@code expectedSize}
     */
    ByteBuffer map(ObjectId id, String relative, long expectedSize) {
        Path file = root.resolve(relative);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size != expectedSize) {
                throw new CorruptObjectException("object " + id.hex() + " is corrupt: file " + file + " has " + size
                        + " bytes, expected " + expectedSize + "; run `coral fsck`");
            }
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return mapped;
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException("object " + id.hex() + " is missing: file " + file
                    + " does not exist; run `coral fsck`");
        } catch (IOException e) {
            throw new CoralException("cannot read object file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the object file {@code relative}; a file already gone is not an error. */
    void delete(String relative) {
        Path file = root.resolve(relative);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CoralException("cannot delete object file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
