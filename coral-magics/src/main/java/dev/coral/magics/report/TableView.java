package dev.coral.magics.report;

import dev.coral.magics.render.Align;
import dev.coral.magics.render.Fragments;
import dev.coral.magics.render.Html;
import dev.coral.magics.render.HtmlTable;
import dev.coral.magics.render.HumanFormat;
import dev.coral.magics.render.RecordView;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.util.List;

/**
 * A Tablesaw {@link Table} as a paged HTML table (Tablesaw's own HTML writer lives in another
 * artifact). Numeric columns are right-aligned: columns named {@code …bytes} as KiB/MiB with the exact
 * count on hover, {@code …ratio} as {@code 3.2×}, {@code fraction…} as a percentage, other decimals
 * with four significant digits. Missing values are blank. The text form is Tablesaw's own
 * {@code print()}.
 */
public final class TableView implements RecordView<Table> {

    @Override
    public Html html(Table table) {
        HtmlTable out = new HtmlTable();
        List<Column<?>> columns = table.columns();
        for (Column<?> c : columns) {
            out.column(c.name(), c instanceof NumericColumn<?> ? Align.RIGHT : Align.LEFT);
        }
        for (int r = 0; r < table.rowCount(); r++) {
            if (out.isFull()) {
                out.moreRowsNotShown(table.rowCount() - r);
                break;
            }
            Object[] cells = new Object[columns.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(columns.get(c), r);
            }
            out.row(cells);
        }
        String name = table.name() == null ? "table" : table.name();
        return Html.concat(Fragments.head(Html.text(name), Html.text(HumanFormat.count(table.rowCount()) + " rows × "
                + columns.size() + " columns")), out.toHtml());
    }

    @Override
    public String text(Table table) {
        return table.print(HtmlTable.DEFAULT_MAX_ROWS);
    }

    private static Object cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        String name = column.name().toLowerCase(java.util.Locale.ROOT);
        if (column instanceof NumericColumn<?> numbers) {
            double value = numbers.getDouble(row);
            if (name.endsWith("bytes")) {
                return Fragments.bytes((long) value);
            }
            if (name.endsWith("ratio")) {
                return HumanFormat.ratio(value);
            }
            if (name.startsWith("fraction")) {
                return HumanFormat.percent(value);
            }
            if (column.type() == ColumnType.DOUBLE || column.type() == ColumnType.FLOAT) {
                return Fragments.number(value);
            }
            return HumanFormat.count((long) value);
        }
        if (column.get(row) instanceof Instant instant) {
            return HumanFormat.time(instant);
        }
        return column.getString(row);
    }
}
