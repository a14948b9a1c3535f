package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.coral.core.json.Json;
import dev.coral.kernel.install.KernelspecInstaller;

/**
 * Runs a notebook through real Jupyter ({@code /usr/bin/python3 -m jupyter nbconvert --execute}) with the
 * kernelspec that {@code bin/coral-jupyter} installs — the kernel jar plus {@code target/kernel-ext/} —
 * installed into a private prefix, and reads the executed notebook back. There is no skipping: without
 * Python or Jupyter the run fails with nbconvert's own message.
 */
final class JupyterNotebook {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_MINUTES = 10;

    /** One executed code cell: its source and its outputs as Jupyter wrote them. */
    record CodeCell(String source, List<Map<String, Object>> outputs) {

        /** The {@code mimeType} entry of the cell's result or display outputs, joined. */
        String data(String mimeType) {
            StringBuilder all = new StringBuilder();
            for (Map<String, Object> output : outputs) {
                if (output.get("data") instanceof Map<?, ?> data && data.get(mimeType) != null) {
                    all.append(text(data.get(mimeType)));
                }
            }
            return all.toString();
        }

        List<Map<String, Object>> errors() {
            return outputs.stream().filter(o -> "error".equals(o.get("output_type"))).toList();
        }
    }

    private JupyterNotebook() {
    }

    /**
     * Executes {@code notebook} in {@code workDir} with the kernel of {@code kernelJar} and the extension jars
     * of {@code extensionDir}; returns the code cells of the executed notebook.
     */
    static List<CodeCell> execute(Path notebook, Path kernelJar, Path extensionDir, Path workDir)
            throws IOException, InterruptedException {
        Path prefix = workDir.resolve("prefix");
        KernelspecInstaller.install(prefix.resolve("share/jupyter/kernels"), kernelJar, jarsIn(extensionDir));
        Path out = Files.createDirectories(workDir.resolve("out"));
        ProcessBuilder nbconvert = new ProcessBuilder(PYTHON.toString(), "-m", "jupyter", "nbconvert",
                "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KernelspecInstaller.NAME,
                "--ExecutePreprocessor.timeout=300", "--output-dir", out.toString(), notebook.toString());
        Map<String, String> env = nbconvert.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(workDir.resolve("data")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(workDir.resolve("runtime")).toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path log = workDir.resolve("nbconvert.log");
        Process process = nbconvert.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "nbconvert did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + output);
        assertEquals(0, process.exitValue(), () -> "nbconvert --execute failed:\n" + output);
        return codeCells(out.resolve(notebook.getFileName()));
    }

    @SuppressWarnings("unchecked")
    private static List<CodeCell> codeCells(Path executed) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(executed, StandardCharsets.UTF_8));
        List<CodeCell> cells = new ArrayList<>();
        for (Object c : (List<Object>) root.get("cells")) {
            Map<String, Object> cell = (Map<String, Object>) c;
            if ("code".equals(cell.get("cell_type"))) {
                cells.add(new CodeCell(text(cell.get("source")), (List<Map<String, Object>>) cell.get("outputs")));
            }
        }
        return cells;
    }

    /** Jupyter writes multi-line strings either whole or as a list of lines. */
    private static String text(Object value) {
        if (value instanceof List<?> lines) {
            StringBuilder joined = new StringBuilder();
            lines.forEach(joined::append);
            return joined.toString();
        }
        return String.valueOf(value);
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(jars::add);
        }
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("coral-magics")),
                "no coral-magics jar in " + dir + "; run mvn package");
        return jars;
    }
}
