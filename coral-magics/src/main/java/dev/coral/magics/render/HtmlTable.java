package dev.coral.magics.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * An HTML table with aligned columns and a JS-free pager: the first {@code pageSize} rows show, a
 * {@code <details>} toggle reveals the rest up to {@code maxRows}, and rows beyond that are counted
 * in a note instead of being sent to the browser.
 *
 * <p>Cells are {@link Html} fragments or plain objects; plain objects are escaped with
 * {@code String.valueOf}, so user data is safe by default.
 *
 * <pre>{@code
 * HtmlTable t = new HtmlTable().column("name", Align.LEFT).column("size", Align.RIGHT);
 * t.row("fc1.weight", "156.3 KiB");
 * Html table = t.toHtml();
 * }</pre>
 */
public final class HtmlTable {
    /** Rows shown before the pager's toggle. */
    public static final int DEFAULT_PAGE_SIZE = 25;
    /** Rows sent to the browser at most; the rest are only counted. */
    public static final int DEFAULT_MAX_ROWS = 1000;

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private String cssClass = "";
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int maxRows = DEFAULT_MAX_ROWS;
    private int hiddenRows;

    /** Adds a column; {@code header} is escaped. */
    public HtmlTable column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Adds a row with one cell per column: {@link Html} as is, anything else escaped; null is an empty cell. */
    public HtmlTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has " + headers.size() + " columns");
        }
        if (!isFull()) {
            rows.add(cells.clone());
        } else {
            hiddenRows++;
        }
        return this;
    }

    /**
     * Adds one row per item, in order; cells are made only for the rows that are sent, so a list of a
     * million items costs no more than {@link #DEFAULT_MAX_ROWS} rows.
     */
    public <T> HtmlTable rows(Collection<T> items, Function<? super T, Object[]> cells) {
        int remaining = items.size();
        for (T item : items) {
            if (isFull()) {
                hiddenRows += remaining;
                break;
            }
            row(cells.apply(item));
            remaining--;
        }
        return this;
    }

    /** True when further rows are only counted, not sent. */
    public boolean isFull() {
        return rows.size() >= maxRows;
    }

    /** Counts {@code count} further rows that exist but are not sent (e.g. beyond a log's limit). */
    public HtmlTable moreRowsNotShown(int count) {
        hiddenRows += count;
        return this;
    }

    /** A further CSS class for the {@code <table>} element (it always has {@code coral-t}). */
    public HtmlTable cssClass(String name) {
        cssClass = name;
        return this;
    }

    /** Rows shown before the pager's toggle (at least 1). */
    public HtmlTable pageSize(int rowsPerPage) {
        pageSize = Math.max(1, rowsPerPage);
        return this;
    }

    /** Rows sent at most; must be set before rows are added. */
    public HtmlTable maxRows(int limit) {
        maxRows = Math.max(1, limit);
        return this;
    }

    /** Rows added so far, shown or not. */
    public int rowCount() {
        return rows.size() + hiddenRows;
    }

    /** The table (and its pager when it has more than a page of rows). */
    public Html toHtml() {
        StringBuilder sb = new StringBuilder();
        boolean paged = rows.size() > pageSize;
        if (paged) {
            sb.append("<div class=\"coral-pager\"><details><summary><span class=\"coral-closed\">show all ")
                    .append(HumanFormat.count(rows.size())).append(" rows (").append(HumanFormat.count(rows.size() - pageSize))
                    .append(" more)</span><span class=\"coral-open\">show the first ").append(pageSize)
                    .append(" rows only</span></summary></details>");
        }
        sb.append("<table class=\"coral-t").append(cssClass.isEmpty() ? "" : " " + cssClass).append("\">");
        sb.append("<thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            sb.append(open("th", aligns.get(c).cssClass())).append(Html.escape(headers.get(c))).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r >= pageSize ? "<tr class=\"coral-more\">" : "<tr>");
            Object[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                sb.append(open("td", aligns.get(c).cssClass())).append(cell(cells[c])).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (paged) {
            sb.append("</div>");
        }
        if (hiddenRows > 0) {
            sb.append("<div class=\"coral-note\">… ").append(HumanFormat.count(hiddenRows))
                    .append(" more rows not shown; use the value in code to see them all</div>");
        }
        return Html.raw(sb.toString());
    }

    private static String open(String tag, String cssClass) {
        return cssClass.isEmpty() ? "<" + tag + ">" : "<" + tag + " class=\"" + cssClass + "\">";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Html html ? html.toString() : Html.escape(String.valueOf(value));
    }
}
