package dev.coral.kernel.magic;

import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Chooses the static type a magic's value gets in the notebook: the value's class if notebook code
 * can name it, otherwise the nearest public supertype it can name: a public interface of a hidden
 * class before its public superclass, and the interface of an abstract skeleton class rather than
 * the skeleton ({@code List.of(1)} becomes a {@code java.util.List}, {@code Map.of()} a
 * {@code java.util.Map}).
 */
final class PublicTypeResolver {

    private static final Set<Class<?>> MARKER_INTERFACES =
            Set.of(java.io.Serializable.class, Cloneable.class, java.util.RandomAccess.class, Comparable.class);

    private static final String JSHELL_WRAPPER_PREFIX = "REPL.$JShell$";

    private final ClassLoader notebookLoader;

    PublicTypeResolver(ClassLoader notebookLoader) {
        this.notebookLoader = notebookLoader;
    }

    /** The Java source name of the type to cast {@code value} to. */
    String typeNameFor(Object value) {
        if (value == null) {
            return "Object";
        }
        Class<?> type = value.getClass();
        while (type != null && !isNameable(type)) {
            for (Class<?> candidate : type.getInterfaces()) {
                Class<?> named = nameableInterface(candidate);
                if (named != null) {
                    return sourceName(named);
                }
            }
            type = type.getSuperclass();
        }
        if (type == null) {
            return "Object";
        }
        if (type != value.getClass() && Modifier.isAbstract(type.getModifiers())) {
            // A skeleton such as AbstractMap says less than the interface it implements (Map).
            for (Class<?> candidate : type.getInterfaces()) {
                Class<?> named = nameableInterface(candidate);
                if (named != null) {
                    return sourceName(named);
                }
            }
        }
        return sourceName(type);
    }

    /** Classes declared in cells are nested in JShell's wrapper classes; cells name them simply. */
    private static String sourceName(Class<?> type) {
        String name = type.getCanonicalName();
        return name.startsWith(JSHELL_WRAPPER_PREFIX) ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private Class<?> nameableInterface(Class<?> type) {
        if (MARKER_INTERFACES.contains(type)) {
            return null;
        }
        if (isNameable(type)) {
            return type;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Class<?> named = nameableInterface(parent);
            if (named != null) {
                return named;
            }
        }
        return null;
    }

    private boolean isNameable(Class<?> type) {
        if (type.isArray()) {
            return isNameable(type.getComponentType());
        }
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isHidden() || type.isAnonymousClass() || type.isLocalClass() || type.getCanonicalName() == null) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        if (!type.getModule().isExported(type.getPackageName())) {
            return false;
        }
        try {
            return Class.forName(type.getName(), false, notebookLoader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
