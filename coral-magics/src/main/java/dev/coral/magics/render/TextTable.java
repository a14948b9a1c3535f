package dev.coral.magics.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with padded columns, for the {@code text/plain} side of a rendering (terminals,
 * {@code nbconvert --to markdown}). At most {@code maxRows} rows are printed, then a count of the rest.
 *
 * <pre>{@code
 * String s = new TextTable().column("name", Align.LEFT).column("size", Align.RIGHT)
 *         .row("fc1.weight", "156.3 KiB").toString();
 * }</pre>
 */
public final class TextTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private int maxRows = HtmlTable.DEFAULT_MAX_ROWS;
    private int hiddenRows;
    private boolean header = true;

    /** Adds a column. */
    public TextTable column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Adds a row; null cells print empty. */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has " + headers.size() + " columns");
        }
        if (rows.size() >= maxRows) {
            hiddenRows++;
            return this;
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : String.valueOf(cells[i]).replace('\n', ' ');
        }
        rows.add(text);
        return this;
    }

    /** Leaves out the header line (for key/value lists). */
    public TextTable noHeader() {
        header = false;
        return this;
    }

    /** Counts rows that exist but are not printed. */
    public TextTable moreRowsNotShown(int count) {
        hiddenRows += count;
        return this;
    }

    /** The table, one line per row, without a trailing newline. */
    @Override
    public String toString() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header ? headers.get(c).length() : 0;
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (header) {
            line(sb, headers.toArray(new String[0]), widths);
        }
        for (String[] row : rows) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            line(sb, row, widths);
        }
        if (hiddenRows > 0) {
            sb.append(sb.isEmpty() ? "… " : "\n… ").append(HumanFormat.count(hiddenRows)).append(" more rows");
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] widths) {
        int start = sb.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            sb.append(aligns.get(c) == Align.RIGHT ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
        }
        while (sb.length() > start && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }
}
