package dev.coral.kernel.shell;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of everything a notebook runs: the classes JShell compiles from cells, and the
 * jars added with {@code %classpath}, {@code %jars} or the kernelspec's extension directory. Its
 * parent is the kernel's loader, so a cell's objects and the extension API share their classes.
 */
public final class SnippetClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> compiledSnippets = new ConcurrentHashMap<>();

    public SnippetClassLoader(ClassLoader parent) {
        super("notebook", new URL[0], parent);
    }

    void addCompiledClass(String name, byte[] bytecode) {
        compiledSnippets.put(name, bytecode);
    }

    /** Makes the classes of {@code jarOrDirectory} loadable. */
    public void addLocation(URL jarOrDirectory) {
        addURL(jarOrDirectory);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = compiledSnippets.remove(name);
        if (bytecode != null) {
            return defineClass(name, bytecode, 0, bytecode.length);
        }
        return super.findClass(name);
    }
}
