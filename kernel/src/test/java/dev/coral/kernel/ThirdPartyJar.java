package dev.coral.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds, at test time, the jar of a library the kernel has never seen: a value type
 * {@code acme.weather.Forecast}, and an extension registering an HTML renderer for it and a magic
 * {@code %forecast CITY [--days=N]} that returns one.
 */
final class ThirdPartyJar {

    private static final String FORECAST = """
            package acme.weather;
            public final class Forecast {
                private final String city;
                private final int days;
                public Forecast(String city, int days) { this.city = city; this.days = days; }
                public String city() { return city; }
                public int days() { return days; }
                @Override public String toString() { return "Forecast " + city + " " + days + "d"; }
            }
            """;
    private static final String EXTENSION = """
            package acme.weather;
            import dev.coral.kernel.api.*;
            public final class WeatherExtension implements KernelExtension {
                @Override public void register(ExtensionRegistry registry) {
                    registry.addRenderer(Forecast.class,
                            f -> Rendering.html("<b>" + f.city() + "</b>: " + f.days() + " days"));
                    registry.addLineMagic("forecast", (args, context) -> {
                        MagicOptions o = args.options("d", "days");
                        return new Forecast(o.positionals().get(0), Integer.parseInt(o.value("d", "days").orElse("3")));
                    });
                }
            }
            """;

    private ThirdPartyJar() {
    }

    /** Compiles the library against the kernel's API (found on {@code apiClasspath}) into {@code dir/acme-weather.jar}. */
    static Path build(Path dir, String apiClasspath) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/acme/weather"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Forecast.java"), FORECAST);
        Files.writeString(sources.resolve("WeatherExtension.java"), EXTENSION);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", apiClasspath,
                sources.resolve("Forecast.java").toString(), sources.resolve("WeatherExtension.java").toString());
        if (status != 0) {
            throw new IllegalStateException("the third-party library does not compile");
        }
        Path jar = dir.resolve("acme-weather.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(classes)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
            for (Path file : files) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.coral.kernel.api.KernelExtension"));
            write(out, "acme.weather.WeatherExtension\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
