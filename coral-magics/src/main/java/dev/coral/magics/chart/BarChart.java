package dev.coral.magics.chart;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grouped bar charts: one bar per category and series. The benchmarks draw the QA report's
 * "ours vs upstream" charts with it.
 *
 * <pre>{@code
 * Chart c = BarChart.titled("Store time, 1000×1000 float32")
 *         .yAxis("ms").categories(List.of("100²", "500²", "1000²"))
 *         .series("Coral (Java)", 0.4, 2.1, 7.5)
 *         .series("upstream", 3.0, 16.6, 78.6)
 *         .logarithmic(true)
 *         .render();
 * }</pre>
 */
public final class BarChart extends AxesChartBuilder<BarChart> {
    private boolean labels;
    private List<String> categories = List.of();

    private BarChart(String title) {
        super(title);
    }

    /** A bar chart with {@code title}. */
    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    @Override
    BarChart self() {
        return this;
    }

    /** Writes each bar's value above it. */
    public BarChart valueLabels(boolean show) {
        labels = show;
        return this;
    }

    /** The category of each bar group, left to right. */
    public BarChart categories(List<String> names) {
        categories = List.copyOf(names);
        return this;
    }

    /** A series from a list. */
    public BarChart series(String name, List<? extends Number> values) {
        return series(name, values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    private double smallestValue() {
        double min = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            for (double v : e.getValue()) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("series '" + e.getKey() + "' has the value " + v
                            + ", which a logarithmic axis cannot show; use logarithmic(false)");
                }
                min = Math.min(min, v);
            }
        }
        return min;
    }

    /** Draws the chart. @throws IllegalArgumentException when a series' length differs from the categories' */
    @Override
    public Chart render() {
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + title + "' needs at least one category and one series");
        }
        ByteAxis bytes = byteAxis();
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xAxis).yAxisTitle(yAxisTitle(bytes)).build();
        style(chart.getStyler());
        if (logarithmic) {
            chart.getStyler().setYAxisLogarithmic(true);
            // bars grow from the axis minimum, which XChart puts at 0 unless told: start at the decade below the data
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallestValue() / (bytes == null ? 1 : bytes.divisor())))));
        }
        chart.getStyler().setAvailableSpaceFill(series.size() > 1 ? 0.8 : 0.6);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLabelsVisible(labels);
        chart.getStyler().setLabelsFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 10));
        if (categories.size() > 8) {
            chart.getStyler().setXAxisLabelRotation(categories.size() > 16 ? 90 : 45);
            // rotated labels take little width: let XChart place one under every bar instead of skipping some
            chart.getStyler().setXAxisTickMarkSpacingHint(12);
        }
        series.forEach((name, values) -> {
            List<Double> boxed = new ArrayList<>(values.length);
            for (double v : plotted(name, values, categories.size(), "categories", bytes)) {
                boxed.add(v);
            }
            chart.addSeries(name, categories, boxed);
        });
        return ChartStyle.encode(title, chart);
    }
}
