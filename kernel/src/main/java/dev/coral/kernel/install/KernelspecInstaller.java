package dev.coral.kernel.install;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * Installs the {@code coral-java} kernelspec ("Java (Coral)").
 *
 * <pre>
 * java -cp coral-kernel.jar dev.coral.kernel.install.KernelspecInstaller [--user | --prefix DIR]
 *      [--jar coral-kernel.jar] [--ext-jar EXTENSION.jar]...
 * </pre>
 *
 * The kernel directory ({@code DIR/share/jupyter/kernels/coral-java} with {@code --prefix}, as Jupyter
 * does; the user's Jupyter data directory with {@code --user}, the default) receives a copy of the
 * kernel jar, an {@code ext/} directory with the extension jars, and a {@code kernel.json} whose paths
 * are {@code {resource_dir}}-relative: {@code java -jar {resource_dir}/coral-kernel.jar --ext
 * {resource_dir}/ext {connection_file}}, with {@code interrupt_mode: message}. Every jar in
 * {@code ext/} is put on the notebook's class path when the kernel starts, and its extensions are
 * registered. Reinstalling replaces the kernel jar and every jar of {@code ext/}.
 */
public final class KernelspecInstaller {

    public static final String NAME = "coral-java";
    public static final String DISPLAY_NAME = "Java (Coral)";
    static final String JAR = "coral-kernel.jar";
    static final String EXT_DIR = "ext";

    private KernelspecInstaller() {
    }

    public static void main(String[] args) throws IOException {
        Path kernelsDir = null;
        Path jar = Path.of(KernelspecInstaller.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Path> extensionJars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> kernelsDir = userKernelsDir();
                case "--prefix" -> kernelsDir = Path.of(value(args, ++i, "--prefix")).resolve("share/jupyter/kernels");
                case "--jar" -> jar = Path.of(value(args, ++i, "--jar"));
                case "--ext-jar" -> extensionJars.add(Path.of(value(args, ++i, "--ext-jar")));
                default -> fail("unknown argument " + args[i]
                        + "; usage: [--user | --prefix DIR] [--jar coral-kernel.jar] [--ext-jar JAR]...");
            }
        }
        Path installed = install(kernelsDir == null ? userKernelsDir() : kernelsDir, jar, extensionJars);
        System.out.println("installed kernelspec " + NAME + " in " + installed);
    }

    /**
     * Installs the kernelspec into {@code kernelsDir/coral-java}; returns that directory.
     *
     * @param kernelJar the runnable (shaded) kernel jar
     * @param extensionJars jars copied into {@code ext/}
     */
    public static Path install(Path kernelsDir, Path kernelJar, List<Path> extensionJars) throws IOException {
        if (!Files.isRegularFile(kernelJar)) {
            throw new IOException("kernel jar not found: " + kernelJar + " (build it with mvn -DskipTests package)");
        }
        Path dir = kernelsDir.resolve(NAME);
        Path ext = dir.resolve(EXT_DIR);
        Files.createDirectories(ext);
        Files.copy(kernelJar, dir.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(ext, "*.jar")) {
            for (Path jar : stale) {
                Files.delete(jar);
            }
        }
        for (Path extensionJar : extensionJars) {
            Files.copy(extensionJar, ext.resolve(extensionJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("kernel.json"), kernelJson());
        return dir;
    }

    static String kernelJson() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(javaExecutable(), "-jar", "{resource_dir}/" + JAR, "--ext", "{resource_dir}/" + EXT_DIR,
                "{connection_file}"));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The java of the JVM running the installer, so the kernel runs on the same Java. */
    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path userKernelsDir() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static void fail(String message) {
        System.err.println("coral-kernel install: " + message);
        System.exit(2);
    }
}
