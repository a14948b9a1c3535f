package dev.coral.core.json;

import dev.coral.core.id.ObjectId;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns Java values into JSON text, compact or indented. The mapping is documented on {@link Json}.
 * Containers on the current path are tracked so that a cycle fails instead of overflowing the stack.
 */
final class JsonWriter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(Object value, boolean pretty) {
        JsonWriter writer = new JsonWriter(pretty);
        writer.writeValue(value, 0);
        return writer.out.toString();
    }

    private void writeValue(Object value, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            writeNumber(n);
        } else if (value instanceof Optional<?> o) {
            writeValue(o.orElse(null), level);
        } else if (value instanceof OptionalLong o) {
            writeValue(o.isPresent() ? o.getAsLong() : null, level);
        } else if (value instanceof OptionalInt o) {
            writeValue(o.isPresent() ? o.getAsInt() : null, level);
        } else if (value instanceof OptionalDouble o) {
            writeValue(o.isPresent() ? o.getAsDouble() : null, level);
        } else if (isStringLike(value)) {
            writeString(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            enter(value);
            writeMap(map, level);
            path.remove(value);
        } else if (value instanceof Record record) {
            enter(value);
            writeRecord(record, level);
            path.remove(value);
        } else if (value instanceof Iterable<?> iterable) {
            enter(value);
            List<Object> items = new ArrayList<>();
            iterable.forEach(items::add);
            writeArray(items, level);
            path.remove(value);
        } else if (value.getClass().isArray() && !(value instanceof char[])) {
            enter(value);
            writeArray(arrayElements(value), level);
            path.remove(value);
        } else {
            throw unsupported(value);
        }
    }

    private void enter(Object container) {
        if (!path.add(container)) {
            throw new IllegalArgumentException("cannot write a " + container.getClass().getName()
                    + " as JSON: it contains itself (cycle)");
        }
    }

    private void writeNumber(Number n) {
        if (n instanceof Double d) {
            out.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        } else if (n instanceof Float f) {
            out.append(f.isNaN() || f.isInfinite() ? "null" : f.toString());
        } else if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal) {
            out.append(n);
        } else if (n instanceof AtomicInteger || n instanceof AtomicLong || n instanceof LongAdder
                || n instanceof LongAccumulator) {
            out.append(n.longValue());
        } else {
            writeNumber(n.doubleValue());
        }
    }

    private void writeMap(Map<?, ?> map, int level) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            first = separate(first, level + 1);
            writeString(keyForm(entry.getKey()));
            out.append(pretty ? ": " : ":");
            writeValue(entry.getValue(), level + 1);
        }
        close('}', first, level);
    }

    private void writeRecord(Record record, int level) {
        out.append('{');
        boolean first = true;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            first = separate(first, level + 1);
            writeString(component.getName());
            out.append(pretty ? ": " : ":");
            writeValue(componentValue(record, component), level + 1);
        }
        close('}', first, level);
    }

    private static Object componentValue(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        // Records nested in non-public classes have accessors we may only call after this.
        accessor.trySetAccessible();
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read component " + component.getName() + " of record "
                    + record.getClass().getName() + " to write it as JSON", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("accessor " + component.getName() + "() of record "
                    + record.getClass().getName() + " failed while writing JSON", e.getCause());
        }
    }

    private void writeArray(List<Object> items, int level) {
        out.append('[');
        boolean inline = items.stream().allMatch(JsonWriter::isScalar);
        boolean first = true;
        for (Object item : items) {
            if (inline) {
                if (!first) {
                    out.append(pretty ? ", " : ",");
                }
                first = false;
            } else {
                first = separate(first, level + 1);
            }
            writeValue(item, level + 1);
        }
        if (inline) {
            out.append(']');
        } else {
            close(']', first, level);
        }
    }

    private static boolean isScalar(Object item) {
        return isStringLike(item) || !(item instanceof Map || item instanceof Record || item instanceof Iterable
                || (item != null && item.getClass().isArray() && !(item instanceof char[]))
                || item instanceof Optional<?> o && o.isPresent() && !isScalar(o.get()));
    }

    private static List<Object> arrayElements(Object array) {
        int length = Array.getLength(array);
        List<Object> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(Array.get(array, i));
        }
        return items;
    }

    /** Writes the separator before an element; returns false (the next element is not the first). */
    private boolean separate(boolean first, int level) {
        if (!first) {
            out.append(',');
        }
        newline(level);
        return false;
    }

    private void close(char bracket, boolean empty, int level) {
        if (!empty) {
            newline(level);
        }
        out.append(bracket);
    }

    private void newline(int level) {
        if (pretty) {
            out.append('\n').append(INDENT.repeat(level));
        }
    }

    private static String keyForm(Object key) {
        if (key == null) {
            throw new IllegalArgumentException("cannot write a map with a null key as JSON");
        }
        if (key instanceof Number || key instanceof Boolean || isStringLike(key)) {
            return key.toString();
        }
        throw unsupported(key);
    }

    /** Values written as a JSON string; checked before Iterable because a Path is an Iterable of Paths. */
    private static boolean isStringLike(Object value) {
        return value instanceof CharSequence || value instanceof Character || value instanceof Enum
                || value instanceof ObjectId || value instanceof TemporalAccessor || value instanceof TemporalAmount
                || value instanceof Path || value instanceof URI || value instanceof UUID;
    }

    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                + "supported are null, Boolean, Number, CharSequence, Character, enums, ObjectId, java.time values, "
                + "Path, URI, UUID, Optional, Map, Iterable, arrays and records");
    }

    private void writeString(String s) {
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escapeFor(s, i, c);
            if (escape != null) {
                out.append(s, runStart, i).append(escape);
                runStart = i + 1;
            } else if (Character.isHighSurrogate(c)) {
                i++; // a valid pair (escapeFor checked it): copy both units as they are
            }
        }
        out.append(s, runStart, s.length()).append('"');
    }

    /** The escape for the char at i, or null when it is written as it is. */
    private static String escapeFor(String s, int i, char c) {
        switch (c) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\b': return "\\b";
            case '\f': return "\\f";
            default:
                break;
        }
        boolean unpairedSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
        // U+2028/U+2029 are legal JSON but break JavaScript string literals; unpaired surrogates cannot be UTF-8.
        if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
