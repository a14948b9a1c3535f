package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.display.RecordingOutputSink;

/** A jar the kernel has never seen, added with %classpath to a running session, brings its renderer and magic. */
class ThirdPartyExtensionTest {

    @Test
    void classpathMagicLoadsTheJarsExtension(@TempDir Path dir) throws Exception {
        Path jar = ThirdPartyJar.build(dir, System.getProperty("java.class.path"));
        try (KernelSession session = KernelSession.start(List.of())) {
            RecordingOutputSink sink = new RecordingOutputSink();
            CellResult added = session.execute("%classpath " + jar, 1, sink);
            assertInstanceOf(CellResult.Success.class, added, added::toString);
            assertTrue(sink.text("stdout").contains("acme.weather.WeatherExtension"), sink.text("stdout"));

            CellResult assigned = session.execute("var f = %forecast Paris --days=5", 2, new RecordingOutputSink());
            assertInstanceOf(CellResult.Success.class, assigned, assigned::toString);
            Rendering shown = success(session.execute("f", 3, new RecordingOutputSink()));
            assertEquals("<b>Paris</b>: 5 days", shown.data().get(Rendering.HTML));
            assertEquals("5", success(session.execute("f.days()", 4, new RecordingOutputSink())).data().get(Rendering.TEXT));
            Rendering made = success(session.execute("new acme.weather.Forecast(\"Oslo\", 1)", 5, new RecordingOutputSink()));
            assertEquals("<b>Oslo</b>: 1 days", made.data().get(Rendering.HTML));
        }
    }

    @Test
    void extensionJarsGivenAtStartAreLoaded(@TempDir Path dir) throws Exception {
        Path jar = ThirdPartyJar.build(dir, System.getProperty("java.class.path"));
        try (KernelSession session = KernelSession.start(List.of(jar))) {
            Rendering shown = success(session.execute("%forecast Rome -d 2", 1, new RecordingOutputSink()));
            assertEquals("<b>Rome</b>: 2 days", shown.data().get(Rendering.HTML));
        }
    }

    @Test
    void jarsMagicLoadsEveryJarOfADirectory(@TempDir Path dir) throws Exception {
        Path jar = ThirdPartyJar.build(dir.resolve("build"), System.getProperty("java.class.path"));
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Files.copy(jar, libs.resolve(jar.getFileName()));
        try (KernelSession session = KernelSession.start(List.of())) {
            CellResult added = session.execute("%jars " + libs, 1, new RecordingOutputSink());
            assertInstanceOf(CellResult.Success.class, added, added::toString);
            Rendering shown = success(session.execute("%forecast Lima", 2, new RecordingOutputSink()));
            assertEquals("<b>Lima</b>: 3 days", shown.data().get(Rendering.HTML));
        }
    }

    @Test
    void brokenExtensionIsReportedAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Path good = ThirdPartyJar.build(dir.resolve("good"), System.getProperty("java.class.path"));
        Path broken = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(broken))) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.coral.kernel.api.KernelExtension"));
            out.write("acme.missing.NoSuchExtension\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (KernelSession session = KernelSession.start(List.of(broken, good))) {
            RecordingOutputSink sink = new RecordingOutputSink();
            Rendering shown = success(session.execute("%forecast Kyiv", 1, sink));
            assertEquals("<b>Kyiv</b>: 3 days", shown.data().get(Rendering.HTML));
            assertTrue(sink.text("stderr").contains("acme.missing.NoSuchExtension"), sink.text("stderr"));
        }
    }

    private static Rendering success(CellResult result) {
        return assertInstanceOf(CellResult.Success.class, result, result::toString).value().orElseThrow();
    }
}
