package dev.coral.magics.chart;

import dev.coral.magics.render.HumanFormat;
import org.knowm.xchart.style.AxesChartStyler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every Coral chart with axes shares — title, axis titles, size, a logarithmic or
 * byte-count y axis, and named series — for {@link BarChart} and {@link LineChart}.
 *
 * <pre>{@code
 * Chart c = LineChart.titled("Stored size").xAxis("commit").yAxis("stored").bytesAxis(true)
 *         .size(640, 360).x(1, 2, 3).series("main", 2e6, 2.4e6, 2.5e6).render();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract sealed class AxesChartBuilder<B extends AxesChartBuilder<B>> permits BarChart, LineChart {
    final String title;
    String xAxis = "";
    String yAxis = "";
    int width = 800;
    int height = 450;
    boolean logarithmic;
    private boolean bytesAxis;
    final Map<String, double[]> series = new LinkedHashMap<>();

    AxesChartBuilder(String title) {
        this.title = title;
    }

    /** This builder as its own type, for chaining. */
    abstract B self();

    /** Draws the chart. @throws IllegalArgumentException when the data do not fit the chart */
    public abstract Chart render();

    /** The x axis title. */
    public B xAxis(String axisTitle) {
        xAxis = axisTitle;
        return self();
    }

    /** The y axis title, e.g. its unit. */
    public B yAxis(String axisTitle) {
        yAxis = axisTitle;
        return self();
    }

    /** Size of the PNG in pixels (default 800×450). */
    public B size(int widthPixels, int heightPixels) {
        if (widthPixels < 100 || heightPixels < 100) {
            throw new IllegalArgumentException("a chart needs at least 100×100 pixels, got " + widthPixels + "×" + heightPixels);
        }
        width = widthPixels;
        height = heightPixels;
        return self();
    }

    /** A logarithmic y axis, for values spanning orders of magnitude (all values must be positive). */
    public B logarithmic(boolean log) {
        logarithmic = log;
        return self();
    }

    /** Values are byte counts: the y axis shows them in the binary unit (KiB, MiB, GiB) that suits the largest. */
    public B bytesAxis(boolean bytes) {
        bytesAxis = bytes;
        return self();
    }

    /** A series: one value per point on the x axis, in its order. */
    public B series(String name, double... values) {
        series.put(name, values.clone());
        return self();
    }

    /** The unit the y values are shown in, or null when they are plain numbers. */
    ByteAxis byteAxis() {
        return bytesAxis ? ByteAxis.forSeries(series.values()) : null;
    }

    /** The y axis title, with the byte unit when there is one. */
    String yAxisTitle(ByteAxis bytes) {
        return bytes == null ? yAxis : bytes.title(yAxis);
    }

    /** The shared look, a legend only when there is more than one series, and readable y tick labels. */
    void style(AxesChartStyler styler) {
        ChartStyle.apply(styler);
        styler.setLegendVisible(series.size() > 1);
        styler.setYAxisTickLabelsFormattingFunction(HumanFormat::number);
    }

    /**
     * The values of series {@code name} as plotted: scaled to the byte unit if any.
     *
     * @param points how many values the series must have; {@code pointsName} names them in the error
     */
    double[] plotted(String name, double[] values, int points, String pointsName, ByteAxis bytes) {
        if (values.length != points) {
            throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values for "
                    + points + " " + pointsName);
        }
        return bytes == null ? values : bytes.scale(values);
    }
}
