package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's demo notebook runs headless with jupyter nbconvert, every cell without error. */
class NotebookIT {

    @Test
    void demoNotebookExecutes(@TempDir Path dir) throws Exception {
        JupyterTools.requireJupyter();
        Map<String, String> env = JupyterTools.installKernelspec(dir.resolve("prefix"));
        Path notebook = JupyterTools.repositoryRoot().resolve("notebooks/00-java-kernel.ipynb");
        Path executed = dir.resolve("executed.ipynb");
        JupyterTools.Run run = JupyterTools.run(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=120", "--output", executed.toString(), notebook.toString()), env, 240);
        assertEquals(0, run.exitCode(), run.output());
        String result = Files.readString(executed);
        assertFalse(result.contains("\"output_type\": \"error\""), result);
        assertTrue(result.contains("\"42\""), "the first cell's value is missing:\n" + result);
        assertTrue(result.contains("step 5 of 5"), "updateDisplay did not replace the progress:\n" + result);
    }
}
