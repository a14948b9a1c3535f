package dev.coral.bench.qa;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row, printed with aligned columns. */
final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        out.append('|');
        for (int w : width) {
            out.append('-').append("-".repeat(w)).append("-|");
        }
        out.append('\n');
        for (List<String> r : rows) {
            line(out, r, width);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int i = 0; i < width.length; i++) {
            out.append(' ').append(String.format("%-" + width[i] + "s", cells.get(i))).append(" |");
        }
        out.append('\n');
    }

    static String ms(double millis) {
        return millis < 1 ? String.format("%.3f ms", millis) : String.format("%.2f ms", millis);
    }

    static String ratio(double upstream, double ours) {
        return String.format("%.1fx", upstream / ours);
    }
}
