package dev.coral.magics.render;

import java.util.Locale;

/** Draws one {@link CommitGraph.Row} as a small inline SVG of fixed height, so rows join into lines. */
final class GraphSvg {
    static final int ROW_HEIGHT = 24;
    private static final int LANE_WIDTH = 14;
    private static final String[] COLOURS = {"#4c8bf5", "#2ea043", "#d29922", "#a371f7", "#e5534b", "#39a5b4"};

    private GraphSvg() {
    }

    /** The row's SVG, {@code columns} lanes wide. {@code merge} draws a hollow node, {@code head} a ring around it. */
    static Html row(CommitGraph.Row row, int columns, boolean merge, boolean head) {
        int width = columns * LANE_WIDTH;
        double mid = ROW_HEIGHT / 2.0;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(ROW_HEIGHT).append("\" viewBox=\"0 0 ").append(width).append(' ').append(ROW_HEIGHT).append("\">");
        for (CommitGraph.Segment s : row.upper()) {
            line(sb, x(s.fromColumn()), 0, x(s.toColumn()), mid, colour(s.fromColumn()));
        }
        for (CommitGraph.Segment s : row.lower()) {
            line(sb, x(s.fromColumn()), mid, x(s.toColumn()), ROW_HEIGHT, colour(s.toColumn()));
        }
        String colour = colour(row.column());
        if (head) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6.5\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                    x(row.column()), mid, colour));
        }
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
                x(row.column()), mid, merge ? "none" : colour, colour));
        return Html.raw(sb.append("</svg>").toString());
    }

    private static double x(int column) {
        return column * LANE_WIDTH + LANE_WIDTH / 2.0;
    }

    private static String colour(int column) {
        return COLOURS[column % COLOURS.length];
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String colour) {
        sb.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-linecap=\"round\"/>",
                x1, y1, x2, y2, colour));
    }
}
