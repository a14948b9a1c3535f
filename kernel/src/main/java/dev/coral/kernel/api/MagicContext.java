package dev.coral.kernel.api;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The notebook session as a magic sees it: the cell's variables, the output area and the streams.
 *
 * <pre>{@code
 * LineMagic add = (args, context) -> {
 *     String name = args.tokens().get(0);
 *     Object model = context.variable(name)
 *             .orElseThrow(() -> new IllegalArgumentException("no variable named " + name));
 *     String bar = context.display(Rendering.text("saving…"));
 *     Object result = store.save(model);
 *     context.updateDisplay(bar, Rendering.text("saved"));
 *     return result;
 * };
 * }</pre>
 */
public interface MagicContext extends Displayer {

    /**
     * Evaluates a Java expression in the notebook's session (it sees every variable, method and import
     * defined so far, including by earlier statements of the same cell) and returns its value, boxed
     * if primitive ({@code null} for a void call). Defines nothing in the session. Call it from the
     * magic's own thread (the session evaluates one thing at a time).
     *
     * @throws Exception the exception the expression threw, or an {@link IllegalArgumentException}
     *         naming the compile errors when it does not compile
     */
    Object evaluate(String javaExpression) throws Exception;

    /** The current value of the session variable {@code name}; empty when there is no such variable or it holds null. */
    Optional<Object> variable(String name);

    /**
     * The cell's standard output, streamed to the notebook as it is written: the kernel routes the
     * process's {@code System.out} to the cell that is running.
     */
    default PrintStream out() {
        return System.out;
    }

    /** The cell's standard error, streamed to the notebook as it is written (the routed {@code System.err}). */
    default PrintStream err() {
        return System.err;
    }
}
