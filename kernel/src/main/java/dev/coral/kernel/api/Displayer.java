package dev.coral.kernel.api;

/**
 * Shows values in the output area of the running cell, and replaces them later in place.
 *
 * <pre>{@code
 * String id = displayer.display(Rendering.text("0 %"));
 * for (int i = 1; i <= 10; i++) { work(i); displayer.updateDisplay(id, Rendering.text(i * 10 + " %")); }
 * }</pre>
 */
public interface Displayer {

    /**
     * Renders {@code value} (with the renderer of its type) into the output of the running cell and
     * returns a display id for {@link #updateDisplay}.
     */
    String display(Object value);

    /**
     * Replaces every output shown under {@code displayId} with {@code value}'s rendering, also when the
     * display was made by an earlier cell.
     */
    void updateDisplay(String displayId, Object value);
}
