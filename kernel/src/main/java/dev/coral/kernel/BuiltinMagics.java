package dev.coral.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.Rendering;

/**
 * The kernel's own magics: {@code %classpath}, {@code %jars}, {@code %time}, {@code %%time},
 * {@code %load}, {@code %lsmagic}, {@code %%html}, {@code %%markdown}.
 */
final class BuiltinMagics implements KernelExtension {

    private final KernelSession session;

    BuiltinMagics(KernelSession session) {
        this.session = session;
    }

    @Override
    public void register(ExtensionRegistry registry) {
        registry.addLineMagic("classpath", (args, context) -> addToClasspath(args, false));
        registry.addLineMagic("jars", (args, context) -> addToClasspath(args, true));
        registry.addLineMagic("time", (args, context) -> timed(args.line()));
        registry.addCellMagic("time", (args, body, context) -> timed(body));
        registry.addLineMagic("load", (args, context) -> load(args));
        registry.addLineMagic("lsmagic", (args, context) -> listMagics());
        registry.addCellMagic("html", (args, body, context) -> Rendering.html(body));
        registry.addCellMagic("markdown", (args, body, context) -> Rendering.markdown(body));
    }

    /** Adds the jars or directories named by {@code args}, then registers the extensions in them. */
    private Object addToClasspath(MagicArgs args, boolean jarsInDirectories) throws Exception {
        if (args.tokens().isEmpty()) {
            throw new IllegalArgumentException("name one or more jars, directories or globs (lib/*.jar)");
        }
        List<Path> locations = new ArrayList<>();
        for (String spec : args.tokens()) {
            locations.addAll(ClasspathSpec.resolve(spec, jarsInDirectories));
        }
        List<String> extensions = session.addToClasspath(locations);
        System.out.println("added to the class path: " + locations.size() + (locations.size() == 1 ? " entry" : " entries")
                + (extensions.isEmpty() ? "" : "; extensions: " + String.join(", ", extensions)));
        return null;
    }

    /** Runs {@code code} as part of the cell, prints its wall time, and returns its value. */
    private Object timed(String code) throws Exception {
        long start = System.nanoTime();
        Optional<KernelSession.Value> value = session.run(code);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.println(String.format(Locale.ROOT, "Wall time: %.3f ms", millis));
        return value.map(KernelSession.Value::value).orElse(null);
    }

    /** Runs a JShell script (a .jsh file) as part of the cell; returns the value of its last expression. */
    private Object load(MagicArgs args) throws Exception {
        if (args.tokens().size() != 1) {
            throw new IllegalArgumentException("%load takes one file, e.g. %load setup.jsh");
        }
        Path file = Path.of(args.tokens().get(0)).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return session.run(Files.readString(file)).map(KernelSession.Value::value).orElse(null);
    }

    private Rendering listMagics() {
        String line = String.join("  ", session.extensions().lineMagicNames().stream().map(n -> "%" + n).toList());
        String cell = String.join("  ", session.extensions().cellMagicNames().stream().map(n -> "%%" + n).toList());
        return Rendering.text("Line magics: " + line + "\nCell magics: " + cell);
    }
}
