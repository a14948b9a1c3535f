package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel whose launching process dies (JPY_PARENT_PID) exits instead of lingering. */
class ParentWatchdogIT {

    @Test
    void kernelExitsWhenItsParentDies(@TempDir Path dir) throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path connection = Files.writeString(dir.resolve("connection.json"), """
                {"transport": "tcp", "ip": "127.0.0.1", "signature_scheme": "hmac-sha256", "key": "k",
                 "shell_port": %d, "iopub_port": %d, "stdin_port": %d, "control_port": %d, "hb_port": %d}
                """.formatted(freePort(), freePort(), freePort(), freePort(), freePort()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JupyterTools.kernelJar().toString(), connection.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile());
        builder.environment().put("JPY_PARENT_PID", Long.toString(parent.pid()));
        Process kernel = builder.start();
        try {
            assertTrue(kernel.isAlive(), "the kernel did not start: " + Files.readString(dir.resolve("kernel.log")));
            Thread.sleep(1500);
            assertTrue(kernel.isAlive(), "the kernel died on its own: " + Files.readString(dir.resolve("kernel.log")));
            parent.destroyForcibly().waitFor();
            assertTrue(kernel.waitFor(30, TimeUnit.SECONDS), "the kernel outlived its parent");
        } finally {
            kernel.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
