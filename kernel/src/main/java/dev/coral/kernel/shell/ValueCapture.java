package dev.coral.kernel.shell;

/**
 * Hands a value computed by a generated snippet back to the kernel. Public only because generated
 * snippet code calls it; not an API.
 */
public final class ValueCapture {

    private static volatile Object captured;

    private ValueCapture() {
    }

    /** Called by generated code. */
    public static void capture(Object value) {
        captured = value;
    }

    static Object take() {
        Object value = captured;
        captured = null;
        return value;
    }
}
