package dev.coral.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class KernelspecInstallerTest {

    @Test
    void installsAResourceDirRelativeKernelspecWithExtensionJars(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("built.jar"), "kernel");
        Path oldExt = Files.writeString(dir.resolve("old-ext.jar"), "old");
        Path newExt = Files.writeString(dir.resolve("new-ext.jar"), "new");
        Path kernels = dir.resolve("prefix/share/jupyter/kernels");

        KernelspecInstaller.install(kernels, jar, List.of(oldExt));
        Path installed = KernelspecInstaller.install(kernels, jar, List.of(newExt));

        assertEquals(kernels.resolve("coral-java"), installed);
        assertEquals("kernel", Files.readString(installed.resolve("coral-kernel.jar")));
        assertTrue(Files.exists(installed.resolve("ext/new-ext.jar")));
        assertFalse(Files.exists(installed.resolve("ext/old-ext.jar")), "a reinstall replaces the extension jars");
        JsonObject spec = JsonParser.parseString(Files.readString(installed.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java (Coral)", spec.get("display_name").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(List.of("-jar", "{resource_dir}/coral-kernel.jar", "--ext", "{resource_dir}/ext", "{connection_file}"),
                argv.subList(1, argv.size()));
    }
}
