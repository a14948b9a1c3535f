package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the packaged kernel, installed as a kernelspec, through Debian's jupyter_client: execute,
 * display, errors, complete, inspect, is_complete, a third-party extension jar loaded with
 * %classpath, interrupts of a busy loop and a sleep, and shutdown.
 */
class JupyterProtocolIT {

    @Test
    void jupyterClientDrivesEveryRequestKind(@TempDir Path dir) throws Exception {
        JupyterTools.requireJupyter();
        Map<String, String> env = new HashMap<>(JupyterTools.installKernelspec(dir.resolve("prefix")));
        Path jar = ThirdPartyJar.build(dir.resolve("acme"), JupyterTools.kernelJar().toString());
        env.put("THIRD_PARTY_JAR", jar.toString());
        Path script = dir.resolve("protocol_check.py");
        try (var in = getClass().getResourceAsStream("/jupyter/protocol_check.py")) {
            Files.copy(in, script);
        }
        JupyterTools.Run run = JupyterTools.run(List.of(JupyterTools.PYTHON, script.toString()), env, 240);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("ALL CHECKS PASSED"), run.output());
    }
}
