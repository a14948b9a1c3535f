package dev.coral.kernel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.CellMagic;
import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.display.RendererTable;

/** Everything extensions registered: magics, renderers, cell listeners; and the discovery of extensions. */
final class Extensions implements ExtensionRegistry {

    private static final Pattern MAGIC_NAME = Pattern.compile("[A-Za-z][\\w.-]*");

    private final Map<String, LineMagic> lineMagics = new ConcurrentHashMap<>();
    private final Map<String, CellMagic> cellMagics = new ConcurrentHashMap<>();
    private final List<CellListener> listeners = new CopyOnWriteArrayList<>();
    private final RendererTable renderers = new RendererTable();
    private final Set<Class<?>> installed = ConcurrentHashMap.newKeySet();

    /** What a discovery found: the extensions registered, and those that failed, with why. */
    record Discovery(List<String> registered, List<String> failures) {
    }

    /**
     * Registers every extension visible from {@code loader} not registered yet. An extension that
     * cannot be loaded, instantiated or registered is reported, not fatal: the others still register.
     */
    Discovery discover(ClassLoader loader) {
        // Extensions looking up their own resources or services through the context loader find them.
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            return discoverWith(loader);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private Discovery discoverWith(ClassLoader loader) {
        List<String> registered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Iterator<ServiceLoader.Provider<KernelExtension>> providers =
                ServiceLoader.load(KernelExtension.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<KernelExtension> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                failures.add(e.getMessage());
                continue;
            }
            if (installed.add(provider.type())) {
                try {
                    provider.get().register(this);
                    registered.add(provider.type().getName());
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    failures.add("extension " + provider.type().getName() + " failed to register: " + e);
                }
            }
        }
        return new Discovery(registered, failures);
    }

    /** Registers {@code extension} (a built-in, not discovered). */
    void install(KernelExtension extension) {
        if (installed.add(extension.getClass())) {
            extension.register(this);
        }
    }

    @Override
    public <T> void addRenderer(Class<T> type, Renderer<? super T> renderer) {
        renderers.add(type, renderer);
    }

    @Override
    public void addLineMagic(String name, LineMagic magic) {
        lineMagics.put(checkName(name), magic);
    }

    @Override
    public void addCellMagic(String name, CellMagic magic) {
        cellMagics.put(checkName(name), magic);
    }

    @Override
    public void addCellListener(CellListener listener) {
        listeners.add(listener);
    }

    Optional<LineMagic> lineMagic(String name) {
        return Optional.ofNullable(lineMagics.get(name));
    }

    Optional<CellMagic> cellMagic(String name) {
        return Optional.ofNullable(cellMagics.get(name));
    }

    SortedSet<String> lineMagicNames() {
        return new TreeSet<>(lineMagics.keySet());
    }

    SortedSet<String> cellMagicNames() {
        return new TreeSet<>(cellMagics.keySet());
    }

    List<CellListener> listeners() {
        return listeners;
    }

    RendererTable renderers() {
        return renderers;
    }

    private static String checkName(String name) {
        if (name == null || !MAGIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid magic name '" + name
                    + "': use letters, digits, _, - and ., starting with a letter");
        }
        return name;
    }
}
