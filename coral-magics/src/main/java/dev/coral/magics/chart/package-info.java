/**
 * Charts as PNG images through XChart, headless: {@link dev.coral.magics.chart.Chart} is the value (PNG
 * bytes, width, height) and renders as {@code image/png}. {@link dev.coral.magics.chart.BarChart} and
 * {@link dev.coral.magics.chart.LineChart} are the generic builders (the benchmarks draw the QA report's
 * charts with them); {@link dev.coral.magics.chart.CoralCharts} draws a repository's storage growth,
 * deduplication ratio and per-tensor change.
 *
 * <p>Every chart uses DejaVu Sans, a white background (a PNG cannot follow the notebook theme, and white
 * reads on both), and the accent colours of the HTML views. Output is deterministic: the same input gives
 * the same bytes. Byte axes are scaled into one binary unit so their ticks are round numbers.
 */
package dev.coral.magics.chart;
