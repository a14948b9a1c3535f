package dev.coral.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves class path arguments: a jar, a class directory, or a glob in the last path element
 * ({@code lib/*.jar}). Relative paths are relative to the kernel's working directory (the notebook's).
 */
final class ClasspathSpec {

    private ClasspathSpec() {
    }

    /**
     * The jars and directories {@code spec} names, sorted when a glob.
     *
     * @param jarsInDirectories whether a directory stands for the jars in it ({@code %jars}) rather
     *        than for a class directory ({@code %classpath})
     * @throws IllegalArgumentException when nothing exists under that name
     */
    static List<Path> resolve(String spec, boolean jarsInDirectories) throws IOException {
        Path path = Path.of(spec).toAbsolutePath().normalize();
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        if (last.contains("*") || last.contains("?") || last.contains("[") || last.contains("{")) {
            List<Path> matches = list(path.getParent(), last);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + spec);
            }
            return matches;
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such jar or directory: " + path);
        }
        return Files.isDirectory(path) && jarsInDirectories ? list(path, "*.jar") : List.of(path);
    }

    private static List<Path> list(Path directory, String glob) throws IOException {
        List<Path> matches = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return matches;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
            entries.forEach(matches::add);
        }
        matches.sort(null);
        return matches;
    }
}
