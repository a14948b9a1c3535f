package dev.coral.magics.chart;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The look shared by every Coral chart: DejaVu Sans, a white background (readable in light and dark
 * notebook themes), light grid, the same accent colours as the HTML views, and PNG encoding.
 */
final class ChartStyle {
    static final Color BLUE = new Color(0x4c8bf5);
    static final Color ORANGE = new Color(0xe8912d);
    static final Color GREEN = new Color(0x2ea043);
    static final Color PURPLE = new Color(0xa371f7);
    static final Color GREY = new Color(0x8c959f);
    private static final Color[] SERIES = {BLUE, ORANGE, GREEN, PURPLE, GREY};
    private static final String FONT = "DejaVu Sans";

    private ChartStyle() {
    }

    static void apply(AxesChartStyler s) {
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartFontColor(new Color(0x24292f));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        s.setAxisTickLabelsColor(new Color(0x57606a));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setPlotGridLinesColor(new Color(0xd8dee4));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotGridVerticalLinesVisible(false);
        s.setAxisTickMarksColor(new Color(0xd8dee4));
        s.setSeriesColors(SERIES);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setChartPadding(12);
    }

    /** Renders {@code chart} to PNG bytes at its own size. */
    static dev.coral.magics.chart.Chart encode(String title, Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return new dev.coral.magics.chart.Chart(title, png, chart.getWidth(), chart.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + title + "' as PNG", e);
        }
    }
}
