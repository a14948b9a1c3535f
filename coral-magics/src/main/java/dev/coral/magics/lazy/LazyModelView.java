package dev.coral.magics.lazy;

import dev.coral.core.cli.text.TextTable;
import dev.coral.core.result.TensorEntry;
import dev.coral.magics.render.Align;
import dev.coral.magics.render.Fragments;
import dev.coral.magics.render.Html;
import dev.coral.magics.render.HtmlTable;
import dev.coral.magics.render.HumanFormat;
import dev.coral.magics.render.NaturalOrder;
import dev.coral.magics.render.RecordView;

import java.util.Comparator;
import java.util.List;

/** A {@link LazyModel}: its commit, then each tensor's dtype, shape, size and whether it is cached. */
public final class LazyModelView implements RecordView<LazyModel> {

    @Override
    public Html html(LazyModel model) {
        HtmlTable table = new HtmlTable().column("tensor", Align.LEFT).column("dtype", Align.LEFT)
                .column("shape", Align.LEFT).column("size", Align.RIGHT).column("cached", Align.CENTER);
        long cached = model.names().stream().filter(model::isCached).count();
        table.rows(inNaturalOrder(model), e -> new Object[] {Fragments.name(e.name()), e.dtype().label(),
                HumanFormat.shape(e.shape()), Fragments.bytes(e.bytes()),
                model.isCached(e.name()) ? Html.tag("span", "coral-ok", Html.text("●")) : null});
        Html head = Fragments.head(Html.concat(Html.text(model.ref() + " @ "), Fragments.id(model.commit().id())),
                Html.text(model.size() + " tensors · " + HumanFormat.bytes(model.bytes()) + " · " + cached + " cached · "
                        + model.commit().subject()));
        return Html.concat(head, table.toHtml());
    }

    @Override
    public String text(LazyModel model) {
        TextTable table = new TextTable(TextTable.Align.LEFT, TextTable.Align.LEFT, TextTable.Align.LEFT,
                TextTable.Align.RIGHT, TextTable.Align.LEFT);
        inNaturalOrder(model).forEach(e -> table.row(e.name(), e.dtype().label(), HumanFormat.shape(e.shape()),
                HumanFormat.bytes(e.bytes()), model.isCached(e.name()) ? "cached" : ""));
        return (model.ref() + " @ " + model.commit().shortId() + ": " + model.size() + " tensors, "
                + HumanFormat.bytes(model.bytes()) + "\n" + table.render("  ")).stripTrailing();
    }

    private static List<TensorEntry> inNaturalOrder(LazyModel model) {
        return model.entries().stream().sorted(Comparator.comparing(TensorEntry::name, NaturalOrder.INSTANCE)).toList();
    }
}
