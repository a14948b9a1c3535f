package dev.coral.magics.chart;

import dev.coral.magics.render.HumanFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Line charts over a numeric x axis (commit number, thread count, size …).
 *
 * <pre>{@code
 * Chart c = LineChart.titled("Throughput").xAxis("threads").yAxis("ops/s")
 *         .x(1, 2, 4, 8).series("Coral (Java)", 950, 1800, 3300, 3400).render();
 * }</pre>
 */
public final class LineChart {
    private final String title;
    private String xAxis = "";
    private String yAxis = "";
    private int width = 800;
    private int height = 450;
    private boolean bytesAxis;
    private boolean logarithmic;
    private double[] x = new double[0];
    private final Map<String, double[]> series = new LinkedHashMap<>();

    private LineChart(String title) {
        this.title = title;
    }

    /** A line chart with {@code title}. */
    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    public LineChart xAxis(String axisTitle) {
        xAxis = axisTitle;
        return this;
    }

    public LineChart yAxis(String axisTitle) {
        yAxis = axisTitle;
        return this;
    }

    /** Size of the PNG in pixels (default 800×450). */
    public LineChart size(int widthPixels, int heightPixels) {
        if (widthPixels < 100 || heightPixels < 100) {
            throw new IllegalArgumentException("a chart needs at least 100×100 pixels, got " + widthPixels + "×" + heightPixels);
        }
        width = widthPixels;
        height = heightPixels;
        return this;
    }

    /** Values are byte counts: the y axis shows them in the binary unit (KiB, MiB, GiB) that suits the largest. */
    public LineChart bytesAxis(boolean bytes) {
        bytesAxis = bytes;
        return this;
    }

    /** A logarithmic y axis (all values must be positive). */
    public LineChart logarithmic(boolean log) {
        logarithmic = log;
        return this;
    }

    /** The x values shared by every series. */
    public LineChart x(double... values) {
        x = values.clone();
        return this;
    }

    /** A series: one y value per x value. */
    public LineChart series(String name, double... values) {
        series.put(name, values.clone());
        return this;
    }

    /** Draws the chart. @throws IllegalArgumentException when a series' length differs from x's */
    public Chart render() {
        if (x.length == 0 || series.isEmpty()) {
            throw new IllegalArgumentException("line chart '" + title + "' needs x values and at least one series");
        }
        ByteAxis bytes = bytesAxis ? ByteAxis.forSeries(series.values()) : null;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxis)
                .yAxisTitle(bytes == null ? yAxis : bytes.title(yAxis)).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (!logarithmic && series.values().stream().flatMapToDouble(java.util.Arrays::stream).allMatch(v -> v >= 0)) {
            chart.getStyler().setYAxisMin(0.0);   // an axis from zero shows ratios between lines honestly
        }
        chart.getStyler().setMarkerSize(x.length > 40 ? 0 : 6);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(HumanFormat::number);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(HumanFormat::number);
        series.forEach((name, values) -> {
            if (values.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values for "
                        + x.length + " x values");
            }
            chart.addSeries(name, x, bytes == null ? values : bytes.scale(values)).setMarker(SeriesMarkers.CIRCLE);
        });
        return ChartStyle.encode(title, chart);
    }
}
