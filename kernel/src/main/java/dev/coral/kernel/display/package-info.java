/**
 * Output of cells: renderers by type ({@link dev.coral.kernel.display.RendererTable}), the routing of
 * {@code System.out}/{@code System.err} to the running cell ({@link dev.coral.kernel.display.StreamRouter}),
 * and the sink outputs go to ({@link dev.coral.kernel.display.OutputSink}).
 */
package dev.coral.kernel.display;
