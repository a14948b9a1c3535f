package dev.coral.kernel.api;

/**
 * Called around every executed cell, in registration order. An exception thrown by a listener is
 * reported on the cell's stderr and does not stop the cell.
 *
 * <pre>{@code
 * registry.addCellListener(new CellListener() {
 *     public void beforeCell(CellEvent event) { startedNanos = System.nanoTime(); }
 *     public void afterCell(CellEvent event) { event.failure().ifPresent(f -> errors++); }
 * });
 * }</pre>
 */
public interface CellListener {

    /** Called before the cell's first statement runs; {@link CellEvent#failure()} is empty. */
    default void beforeCell(CellEvent event) {
    }

    /** Called after the cell ended, successfully or not. */
    default void afterCell(CellEvent event) {
    }
}
