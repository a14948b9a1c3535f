package dev.coral.core.cli.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of cells printed as aligned columns, two spaces apart, with no trailing spaces.
 *
 * <pre>{@code
 * TextTable t = new TextTable(Align.LEFT, Align.RIGHT);
 * t.row("fc1.weight", "156.3 KiB");
 * t.row("fc1.bias", "800 B");
 * t.render("  ");   // "  fc1.weight  156.3 KiB\n  fc1.bias        800 B\n"
 * }</pre>
 */
public final class TextTable {
    /** How a column's cells line up. */
    public enum Align { LEFT, RIGHT }

    private final Align[] aligns;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(Align... aligns) {
        this.aligns = aligns.clone();
    }

    /** Adds a row; it must have one cell per column (null prints as empty). */
    public TextTable row(String... cells) {
        if (cells.length != aligns.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + aligns.length
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Every row on its own line, each prefixed by {@code indent}. */
    public String render(String indent) {
        int[] widths = new int[aligns.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()));
                line.append(aligns[i] == Align.RIGHT ? pad + row[i] : row[i] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
