package dev.coral.magics.chart;

import dev.coral.magics.render.HumanFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;


/**
 * Line charts over a numeric x axis (commit number, thread count, size …).
 *
 * <pre>{@code
 * Chart c = LineChart.titled("Throughput").xAxis("threads").yAxis("ops/s")
 *         .x(1, 2, 4, 8).series("Coral (Java)", 950, 1800, 3300, 3400).render();
 * }</pre>
 */
public final class LineChart extends AxesChartBuilder<LineChart> {
    private double[] x = new double[0];

    private LineChart(String title) {
        super(title);
    }

    /** A line chart with {@code title}. */
    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    @Override
    LineChart self() {
        return this;
    }

    /** The x values shared by every series. */
    public LineChart x(double... values) {
        x = values.clone();
        return this;
    }

    /** Draws the chart. @throws IllegalArgumentException when a series' length differs from x's */
    @Override
    public Chart render() {
        if (x.length == 0 || series.isEmpty()) {
            throw new IllegalArgumentException("line chart '" + title + "' needs x values and at least one series");
        }
        ByteAxis bytes = byteAxis();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxisTitle(bytes)).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (!logarithmic && series.values().stream().flatMapToDouble(java.util.Arrays::stream).allMatch(v -> v >= 0)) {
            chart.getStyler().setYAxisMin(0.0);   // an axis from zero shows ratios between lines honestly
        }
        chart.getStyler().setMarkerSize(x.length > 40 ? 0 : 6);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(HumanFormat::number);
        series.forEach((name, values) ->
                chart.addSeries(name, x, plotted(name, values, x.length, "x values", bytes)).setMarker(SeriesMarkers.CIRCLE));
        return ChartStyle.encode(title, chart);
    }
}
