package dev.coral.kernel.display;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;

/**
 * Renderers by type. A value is rendered by the renderer of its nearest registered type: its class,
 * then its superclasses, then its interfaces breadth-first. Lookup is by {@link Class} identity, so a
 * renderer applies to objects whose class was loaded by the same loader as the renderer's type.
 */
public final class RendererTable {

    private final Map<Class<?>, Renderer<?>> renderers = new ConcurrentHashMap<>();

    public <T> void add(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, renderer);
    }

    /**
     * The rendering of {@code value}, always with a {@code text/plain} part.
     *
     * @throws RenderingException when the value's renderer fails
     */
    public Rendering render(Object value) throws RenderingException {
        Rendering rendering;
        if (value instanceof Rendering r) {
            rendering = r;
        } else {
            Renderer<Object> renderer = rendererFor(typeOf(value));
            try {
                rendering = renderer == null ? Rendering.text(plainText(value)) : renderer.render(value);
            } catch (Exception | LinkageError e) {
                throw new RenderingException(typeOf(value), e);
            }
            if (rendering == null) {
                rendering = Rendering.text(plainText(value));
            }
        }
        checkJson(rendering, value);
        return rendering.data().containsKey(Rendering.TEXT) ? rendering : rendering.withText(plainText(value));
    }

    private static void checkJson(Rendering rendering, Object value) throws RenderingException {
        String json = rendering.data().get(Rendering.JSON);
        if (json != null) {
            try {
                JsonParser.parseString(json);
            } catch (JsonParseException e) {
                throw new RenderingException(typeOf(value), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Renderer<Object> rendererFor(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<?> r = renderers.get(c);
            if (r != null) {
                return (Renderer<Object>) r;
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> i = queue.poll();
            if (!seen.add(i)) {
                continue;
            }
            Renderer<?> r = renderers.get(i);
            if (r != null) {
                return (Renderer<Object>) r;
            }
            queue.addAll(Arrays.asList(i.getInterfaces()));
        }
        return null;
    }

    /** The class renderers are looked up by; {@code Void} for null. */
    private static Class<?> typeOf(Object value) {
        return value == null ? Void.class : value.getClass();
    }

    private static String plainText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            String text = Arrays.deepToString(new Object[] {value});
            return text.substring(1, text.length() - 1);
        }
        return String.valueOf(value);
    }
}
