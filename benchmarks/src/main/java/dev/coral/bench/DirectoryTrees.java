package dev.coral.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the scratch directories benchmarks create their repositories in.
 *
 * <pre>{@code
 * Path dir = Files.createTempDirectory("coral-bench");
 * try { ... } finally { DirectoryTrees.delete(dir); }
 * }</pre>
 */
public final class DirectoryTrees {
    private DirectoryTrees() {
    }

    /** Deletes {@code dir} and everything under it, deepest first. */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
