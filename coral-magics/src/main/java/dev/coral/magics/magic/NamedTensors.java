package dev.coral.magics.magic;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.repo.ModelView;
import dev.coral.core.tensor.Tensor;
import dev.coral.magics.lazy.LazyModel;

/**
 * Reads the named tensors out of a notebook value, for {@code %coral add VARIABLE}. Accepted: a
 * {@code Map<String, Tensor>}; a single {@link Tensor} (staged under the variable's name); a
 * {@link ModelView} or {@link LazyModel} (every tensor of the commit it shows); or any object with a
 * no-argument method {@code stateDict()}, {@code namedTensors()} or {@code tensors()} returning such
 * a map — the shape of a model class written in a cell:
 *
 * <pre>{@code
 * record Mlp(Tensor w1, Tensor w2) {
 *     Map<String, Tensor> stateDict() { return Map.of("fc1.weight", w1, "fc2.weight", w2); }
 * }
 * var model = new Mlp(Tensor.randn(1, 4, 8), Tensor.randn(2, 8, 2));
 * %coral add model
 * }</pre>
 *
 * A {@code String} or {@link Path} value is not handled here: it names a file.
 */
final class NamedTensors {
    static final List<String> ACCESSORS = List.of("stateDict", "namedTensors", "tensors");

    private NamedTensors() {
    }

    /**
     * The tensors of {@code value} by name, in the value's order, or empty when the value is of no
     * accepted type.
     *
     * @throws InvalidInputException when the value is of an accepted type but holds something other than
     *         tensors under string names
     */
    static Optional<Map<String, Tensor>> of(String variable, Object value) {
        if (value instanceof Tensor tensor) {
            return Optional.of(Map.of(variable, tensor));
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(checked(variable, map));
        }
        if (value instanceof ModelView view) {
            return Optional.of(readAll(view.names(), view::tensor));
        }
        if (value instanceof LazyModel model) {
            return Optional.of(readAll(model.names(), model::tensor));
        }
        Optional<Method> accessor = accessor(value.getClass());
        if (accessor.isEmpty()) {
            return Optional.empty();
        }
        Object map = invoke(variable, accessor.get(), value);
        if (!(map instanceof Map<?, ?> m)) {
            throw new InvalidInputException(variable + "." + accessor.get().getName() + "() returned "
                    + (map == null ? "null" : map.getClass().getName()) + ", not a Map<String, Tensor>");
        }
        return Optional.of(checked(variable + "." + accessor.get().getName() + "()", m));
    }

    private static Map<String, Tensor> readAll(Set<String> names, Function<String, Tensor> read) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        names.forEach(name -> all.put(name, read.apply(name)));
        return all;
    }

    private static Map<String, Tensor> checked(String what, Map<?, ?> map) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new InvalidInputException(what + " has a key " + e.getKey() + " of type "
                        + typeName(e.getKey()) + "; tensor names must be strings");
            }
            if (!(e.getValue() instanceof Tensor tensor)) {
                throw new InvalidInputException(what + " maps '" + name + "' to a " + typeName(e.getValue())
                        + ", not a Tensor");
            }
            tensors.put(name, tensor);
        }
        return tensors;
    }

    /** The first accessor method declared by the class or a superclass, whatever its visibility. */
    private static Optional<Method> accessor(Class<?> type) {
        for (String name : ACCESSORS) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    Method m = c.getDeclaredMethod(name);
                    if (Map.class.isAssignableFrom(m.getReturnType())) {
                        return Optional.of(m);
                    }
                } catch (NoSuchMethodException e) {
                    // not declared here; try the superclass
                }
            }
        }
        return Optional.empty();
    }

    private static Object invoke(String variable, Method accessor, Object target) {
        try {
            // cell classes and their methods are often package-private: reading them is what the user asks
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new InvalidInputException("cannot call " + variable + "." + accessor.getName() + "(): " + e, e);
        } catch (InvocationTargetException e) {
            throw new InvalidInputException(variable + "." + accessor.getName() + "() failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
