package dev.coral.magics.render;

import java.util.Locale;

/** A {@link TensorHistogram} as a small inline SVG: bars in the accent colour, min and max labels below. */
final class HistogramSvg {
    static final int WIDTH = 240;
    static final int HEIGHT = 64;
    private static final int PLOT_HEIGHT = 48;

    private HistogramSvg() {
    }

    static Html of(TensorHistogram h) {
        long[] counts = h.counts();
        long peak = 0;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"coral-hist\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\"><title>histogram of ").append(HumanFormat.count(h.total()))
                .append(" finite values</title>");
        sb.append("<line x1=\"0\" y1=\"").append(PLOT_HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(PLOT_HEIGHT).append("\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>");
        double barWidth = (double) WIDTH / counts.length;
        for (int i = 0; i < counts.length && peak > 0; i++) {
            double height = counts[i] == 0 ? 0 : Math.max(1, (double) counts[i] / peak * (PLOT_HEIGHT - 2));
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#4c8bf5\"><title>%s</title></rect>",
                    i * barWidth + 0.5, PLOT_HEIGHT - height, Math.max(0.5, barWidth - 1), height, HumanFormat.count(counts[i])));
        }
        sb.append("<g font-size=\"10\" fill=\"currentColor\" fill-opacity=\"0.75\" font-family=\"DejaVu Sans, sans-serif\">")
                .append("<text x=\"0\" y=\"").append(HEIGHT - 2).append("\">").append(Html.escape(HumanFormat.number(h.min())))
                .append("</text><text x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT - 2)
                .append("\" text-anchor=\"end\">").append(Html.escape(HumanFormat.number(h.max()))).append("</text></g>");
        return Html.raw(sb.append("</svg>").toString());
    }
}
