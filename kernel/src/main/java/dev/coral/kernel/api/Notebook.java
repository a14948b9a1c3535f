package dev.coral.kernel.api;

import java.util.Objects;

/**
 * Display functions for code in cells; every cell sees {@code display} and {@code updateDisplay}
 * through static imports the kernel makes when it starts.
 *
 * <pre>{@code
 * String id = display("starting");       // in a cell
 * updateDisplay(id, "done");
 * }</pre>
 */
public final class Notebook {

    private static volatile Displayer displayer;

    private Notebook() {
    }

    /** Renders {@code value} into the running cell's output; returns its display id. */
    public static String display(Object value) {
        return current().display(value);
    }

    /** Replaces the output shown under {@code displayId} with {@code value}'s rendering. */
    public static void updateDisplay(String displayId, Object value) {
        current().updateDisplay(displayId, value);
    }

    /** Connects these functions to a kernel; called by the kernel when it starts. */
    public static void bind(Displayer kernelDisplayer) {
        displayer = Objects.requireNonNull(kernelDisplayer, "kernelDisplayer");
    }

    private static Displayer current() {
        Displayer d = displayer;
        if (d == null) {
            throw new IllegalStateException("display needs a running Coral Java kernel; none is bound");
        }
        return d;
    }
}
