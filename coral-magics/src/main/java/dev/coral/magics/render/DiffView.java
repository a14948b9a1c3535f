package dev.coral.magics.render;

import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.TensorComparison;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DiffResult} as a per-tensor table: status, name, dtype, shape, size, and for modified
 * tensors L2 distance, cosine, max |Δ| and the share of changed elements, with inline bars (L2 relative
 * to the largest L2 of the diff, the changed share absolute).
 */
public final class DiffView implements CliRecordView<DiffResult> {

    @Override
    public Html html(DiffResult diff) {
        Html head = Fragments.head(
                Html.concat(Html.text("diff " + diff.fromRef() + " → " + diff.toRef())),
                Html.concat(Fragments.id(diff.from()), Html.text(" → "), Fragments.id(diff.to()),
                        Html.text(" · " + summary(diff))));
        if (diff.isEmpty()) {
            return head;
        }
        double maxL2 = diff.entries().stream().map(DiffEntry::comparison).filter(c -> c != null && Double.isFinite(c.l2()))
                .mapToDouble(TensorComparison::l2).max().orElse(0);
        HtmlTable table = new HtmlTable()
                .column("status", Align.LEFT).column("tensor", Align.LEFT).column("dtype", Align.LEFT)
                .column("shape", Align.LEFT).column("size", Align.RIGHT).column("L2", Align.RIGHT)
                .column("cosine", Align.RIGHT).column("max |Δ|", Align.RIGHT).column("changed", Align.RIGHT);
        table.rows(inNaturalOrder(diff), e -> {
            TensorComparison c = e.comparison();
            return new Object[] {Fragments.status(e.status()), Fragments.name(name(e)), change(e, t -> t.dtype().label()),
                    change(e, t -> HumanFormat.shape(t.shape())), Fragments.bytes(current(e).bytes()),
                    c == null ? null : Html.concat(Fragments.number(c.l2()), Fragments.bar(maxL2 > 0 ? c.l2() / maxL2 : 0, false)),
                    c == null ? null : Fragments.cosine(c.cosine()),
                    c == null ? null : Fragments.number(c.maxAbsDelta()),
                    c == null ? null : Html.concat(Html.text(HumanFormat.percent(c.fractionChanged())),
                            Fragments.bar(c.fractionChanged(), true))};
        });
        return Html.concat(head, table.toHtml());
    }

    /** {@code "2 modified · 1 added"}, or {@code "no differences"}. */
    static String summary(DiffResult diff) {
        if (diff.isEmpty()) {
            return "no differences";
        }
        Map<DiffStatus, Integer> counts = new EnumMap<>(DiffStatus.class);
        diff.entries().forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.name().toLowerCase(Locale.ROOT)));
        return String.join(" · ", parts);
    }

    /** The entries with names in counting order ({@code layers.2} before {@code layers.10}). */
    static List<DiffEntry> inNaturalOrder(DiffResult diff) {
        return diff.entries().stream().sorted(java.util.Comparator.comparing(DiffEntry::name, NaturalOrder.INSTANCE)).toList();
    }

    private static String name(DiffEntry e) {
        return e.status() == DiffStatus.RENAMED && e.from() != null ? e.from().name() + " → " + e.name() : e.name();
    }

    private static TensorEntry current(DiffEntry e) {
        return e.to() != null ? e.to() : e.from();
    }

    /** The attribute of the newer side, or {@code old → new} when the two sides differ. */
    private static String change(DiffEntry e, java.util.function.Function<TensorEntry, String> attribute) {
        if (e.from() == null || e.to() == null) {
            return attribute.apply(current(e));
        }
        String before = attribute.apply(e.from());
        String after = attribute.apply(e.to());
        return before.equals(after) ? after : before + " → " + after;
    }
}
