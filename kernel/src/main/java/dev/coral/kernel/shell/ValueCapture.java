package dev.coral.kernel.shell;

import java.util.concurrent.Callable;

/**
 * Hands the value of an expression evaluated by a generated snippet back to the kernel. Public only
 * because generated snippet code calls it; not an API.
 *
 * <p>The kernel evaluates a cell's expression {@code e} as the statement
 * {@code ValueCapture.capture(() -> e);}, which defines nothing: as an expression, JShell would keep
 * it as a temporary variable ({@code $1}) and import that variable into every later compilation,
 * making each later cell slower. A {@code void} method call selects the {@link VoidBody} overload and
 * yields no value.
 */
public final class ValueCapture {

    /** An expression of type {@code void}. */
    @FunctionalInterface
    public interface VoidBody {
        void run() throws Exception;
    }

    private static final Object NO_VALUE = new Object();
    private static volatile Object captured = NO_VALUE;

    private ValueCapture() {
    }

    /** Called by generated code: evaluates an expression with a value. */
    public static <T> void capture(Callable<T> expression) throws Exception {
        captured = expression.call();
    }

    /** Called by generated code: evaluates an expression of type void. */
    public static void capture(VoidBody expression) throws Exception {
        expression.run();
        captured = NO_VALUE;
    }

    static String wrap(String expression) {
        return ValueCapture.class.getName() + ".capture(() -> " + expression + "\n);";
    }

    /** Clears what a previous evaluation left. */
    static void reset() {
        captured = NO_VALUE;
    }

    static boolean hasValue() {
        return captured != NO_VALUE;
    }

    /** The captured value, then forgets it. */
    static Object take() {
        Object value = captured;
        captured = NO_VALUE;
        return value == NO_VALUE ? null : value;
    }
}
