package dev.coral.kernel.api;

/**
 * What an extension may add to the kernel; handed to {@link KernelExtension#register}.
 *
 * <pre>{@code
 * registry.addRenderer(Matrix.class, m -> Rendering.html(m.toHtmlTable()).withText(m.toString()));
 * registry.addLineMagic("shape", (args, context) -> ((Matrix) context.evaluate(args.line())).shape());
 * registry.addCellMagic("sql", (args, body, context) -> database.query(body));
 * registry.addCellListener(new CellListener() {
 *     public void afterCell(CellEvent event) { metrics.record(event.executionCount()); }
 * });
 * }</pre>
 */
public interface ExtensionRegistry {

    /**
     * Renders values of {@code type} (and of its subclasses and implementations) with {@code renderer}.
     * For a value, the renderer of its nearest registered type wins: its class, then its superclasses,
     * then its interfaces. A later registration for the same type replaces an earlier one.
     */
    <T> void addRenderer(Class<T> type, Renderer<? super T> renderer);

    /**
     * Adds the line magic {@code %name}. Names are letters, digits, {@code _}, {@code -} and {@code .},
     * starting with a letter. A later registration of the same name replaces the earlier one.
     */
    void addLineMagic(String name, LineMagic magic);

    /** Adds the cell magic {@code %%name}; same naming rules as {@link #addLineMagic}. */
    void addCellMagic(String name, CellMagic magic);

    /** Calls {@code listener} before and after every executed cell. */
    void addCellListener(CellListener listener);
}
