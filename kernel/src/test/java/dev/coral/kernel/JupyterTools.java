package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.coral.kernel.install.KernelspecInstaller;

/** Real Jupyter (Debian's packages, /usr/bin/python3) and the packaged kernel, for the *IT tests. */
final class JupyterTools {

    static final String PYTHON = "/usr/bin/python3";

    /** What a finished process printed. */
    record Run(int exitCode, String output) {
    }

    private JupyterTools() {
    }

    /** The shaded kernel jar built by this module's package phase. */
    static Path kernelJar() {
        String jar = System.getProperty("coral.kernel.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "the packaged kernel is missing (run the *IT tests with mvn package): " + jar);
        return Path.of(jar);
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("coral.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** Fails, naming the fix, when Jupyter's Python packages are not installed. */
    static void requireJupyter() throws Exception {
        Run probe = run(List.of(PYTHON, "-c", "import jupyter_client, nbconvert, nbclient"), Map.of(), 60);
        assertEquals(0, probe.exitCode(), "Jupyter is not installed for /usr/bin/python3; install it with "
                + "bin/lib/ensure-packages.sh --tests (as root)\n" + probe.output());
    }

    /** Installs the kernelspec into {@code prefix}; returns the environment that makes Jupyter find it. */
    static Map<String, String> installKernelspec(Path prefix) throws IOException {
        KernelspecInstaller.install(prefix.resolve("share/jupyter/kernels"), kernelJar(), List.of());
        Files.createDirectories(prefix.resolve("runtime"));
        return Map.of(
                "JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_DATA_DIR", prefix.resolve("data").toString(),
                "JUPYTER_RUNTIME_DIR", prefix.resolve("runtime").toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
    }

    /** Runs a command to completion (killing it after {@code timeoutSeconds}); stderr is merged into the output. */
    static Run run(List<String> command, Map<String, String> env, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("reading the output failed: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5000);
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n"
                    + (output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8)));
        }
        reader.join();
        return new Run(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }
}
