package dev.coral.magics.magic;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import dev.coral.core.repo.Repository;
import dev.coral.magics.lazy.Coral;
import dev.coral.magics.lazy.TensorCache;

/**
 * The repository a notebook works on, held open between cells. Until {@code %coral open} or
 * {@code %coral init} chooses one, it is the repository enclosing the kernel's working directory
 * (Jupyter starts kernels in the notebook's directory), found on first use.
 *
 * <p>Every repository opened here shares one byte-bounded {@link TensorCache}: tensor ids are content
 * hashes, so an entry is valid in every repository, and {@code %coral cache} has a single cache to show.
 */
final class NotebookRepository implements AutoCloseable {
    private final Path workingDir;
    private final TensorCache cache;
    private Coral current;

    NotebookRepository(Path workingDir, TensorCache cache) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The directory relative paths in {@code %coral} lines are resolved against. */
    Path workingDir() {
        return workingDir;
    }

    /** The notebook's repository, opening the one enclosing the working directory on first use. */
    synchronized Coral current() {
        if (current == null) {
            current = Coral.open(Repository.open(workingDir), cache);
        }
        return current;
    }

    /** The repository if one is open, without looking for one. */
    synchronized Optional<Coral> ifOpen() {
        return Optional.ofNullable(current);
    }

    /** Makes the repository holding {@code path} (relative to the working directory) the notebook's. */
    synchronized Coral open(Path path) {
        return replaceWith(Repository.open(workingDir.resolve(path)));
    }

    /** Creates a repository in {@code directory} and makes it the notebook's. */
    synchronized Coral init(Path directory) {
        return replaceWith(Repository.init(workingDir.resolve(directory)));
    }

    /** The cache shared by every repository of the notebook. */
    TensorCache cache() {
        return cache;
    }

    private Coral replaceWith(Repository repository) {
        Coral previous = current;
        current = Coral.open(repository, cache);
        if (previous != null) {
            previous.repository().close();
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.repository().close();
            current = null;
        }
    }
}
