package dev.coral.core.store;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.fs.Directories;
import dev.coral.core.id.ObjectId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Large encoded tensors as files under {@code .coral/objects/}: {@code ab/cdef0123456789ab}, a random name
 * under one of 256 fan-out directories. The name does not derive from the tensor's id, so that a file can be
 * written while the tensor is still being hashed, and two writers storing the same tensor at once (possibly
 * with different encodings) never overwrite each other's file; the database row names the file it
 * describes. (Repositories written before this scheme have files named by the id with a random suffix; the
 * rows name them, so both read alike.) It is read by memory mapping.
 *
 * <p>A file is written under its final name: it is new (created exclusively) and nothing reads it before the
 * commit transaction records its row, so that row, not a rename, is what publishes it; a crash before the
 * row commits leaves an unnamed orphan, as a temporary file would. With durability {@code full} the file is
 * fdatasynced (which covers its size), then its directory, then the objects directory (whichever writer made
 * the fan-out directory, its entry may not be durable yet), so the row can never name a file that a power
 * cut loses. The two directory syncs run on a helper thread beside the file's write and fdatasync (their
 * order does not matter, only that all three are done before the row can commit), so a directory sync that
 * waits for another writer's journal commit does not add to the file's own wait.
 */
final class ObjectFiles {
    /**
     * Runs work beside an object file's write and sync, off the fork-join pool the encoders and the payload
     * check use: directory syncs, which block on the disk, and hashing a tensor not hashed yet.
     */
    static final ExecutorService BESIDE_WRITES = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "coral-beside-write");
        t.setDaemon(true);
        return t;
    });
    private final Path root;

    ObjectFiles(Path objectsDir) {
        this.root = objectsDir;
    }

    /** Writes {@code payload} to a new file and returns its path relative to the objects directory. */
    String write(ByteBuffer payload, boolean fsync) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String relative = HexFormat.of().toHexDigits((byte) random.nextInt()) + "/" + HexFormat.of().toHexDigits(random.nextLong());
        Path target = root.resolve(relative);
        Path dir = target.getParent();
        boolean created = false;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            Future<Void> directories;
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                directories = fsync ? BESIDE_WRITES.submit(() -> {
                    Directories.sync(dir);
                    Directories.sync(root);
                    return null;
                }) : null;
                ByteBuffer b = payload.duplicate();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                if (fsync) {
                    ch.force(false);
                }
            }
            if (directories != null) {
                awaitDirectorySyncs(directories);
            }
            return relative;
        } catch (IOException e) {
            if (created) {
                deleteAfterFailure(target, e);
            }
            throw new CoralException("cannot write object file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void awaitDirectorySyncs(Future<Void> syncs) throws IOException {
        try {
            syncs.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing the objects directory", e);
        }
    }

    private static void deleteAfterFailure(Path file, IOException cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
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
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException("object " + id.hex() + " is missing: file " + file
                    + " does not exist; run `coral fsck`");
        } catch (IOException e) {
            throw new CoralException("cannot read object file " + file + ": " + e.getMessage(), e);
        }
    }

    /** An object file: its path relative to the objects directory, its size and when it was last written. */
    record Entry(String relative, long size, Instant modified) {
    }

    /** Every object file, in no particular order (one deleted meanwhile by another writer is left out). */
    List<Entry> list() {
        try (Stream<Path> paths = Files.walk(root, 2)) {
            List<Entry> entries = new ArrayList<>();
            for (Path p : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (a.isRegularFile()) {
                    entries.add(new Entry(root.relativize(p).toString(), a.size(), a.lastModifiedTime().toInstant()));
                }
            }
            return entries;
        } catch (IOException | UncheckedIOException e) {
            throw new CoralException("cannot list the object files under " + root + ": " + e.getMessage(), e);
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
}
