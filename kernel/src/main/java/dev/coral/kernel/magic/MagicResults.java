package dev.coral.kernel.magic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the value of a line magic until the Java statement that assigns it runs:
 * {@code var d = %diff a b} runs the magic, then evaluates
 * {@code var d = (pkg.DiffResult) dev.coral.kernel.magic.MagicResults.take(7);}.
 * Public only because that generated code calls it; not an API.
 */
public final class MagicResults {

    private static final Map<Long, Object> VALUES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final Object NULL = new Object();

    private MagicResults() {
    }

    static long put(Object value) {
        long id = NEXT_ID.incrementAndGet();
        VALUES.put(id, value == null ? NULL : value);
        return id;
    }

    /** Removes and returns the value held under {@code id}. Called by generated code. */
    public static Object take(long id) {
        Object value = VALUES.remove(id);
        if (value == null) {
            throw new IllegalStateException("no magic result " + id + " (already assigned?)");
        }
        return value == NULL ? null : value;
    }

    /** Forgets values whose statement never ran (it did not compile). */
    static void clear() {
        VALUES.clear();
    }

    /** Java source that evaluates to the value held under {@code id}, cast to {@code type}. */
    static String expression(long id, String type) {
        return "((" + type + ") " + MagicResults.class.getName() + ".take(" + id + "L))";
    }
}
