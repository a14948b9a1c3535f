package dev.coral.magics.render;

import dev.coral.core.result.ShowResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorSummary;
import dev.coral.core.tensor.TensorStats;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ShowResult}: for {@code REF} the commit card and its tree; for {@code REF:TENSOR} the tensor's
 * identity, storage and statistics. {@link ShowDetailView} adds the histogram.
 */
public final class ShowView implements CliRecordView<ShowResult> {
    private final CommitInfoView commitView = new CommitInfoView();

    @Override
    public Html html(ShowResult show) {
        return html(show, null);
    }

    /** The body, with the histogram's SVG beside the statistics when {@code histogram} is not null. */
    Html html(ShowResult show, TensorHistogram histogram) {
        if (!show.isTensor()) {
            Html head = Fragments.head(Html.text("show " + show.spec()),
                    Html.text(show.tree().size() + " tensor" + (show.tree().size() == 1 ? "" : "s") + " · "
                            + HumanFormat.bytes(show.tree().stream().mapToLong(TensorEntry::bytes).sum())));
            HtmlTable table = new HtmlTable().column("tensor", Align.LEFT).column("dtype", Align.LEFT)
                    .column("shape", Align.LEFT).column("size", Align.RIGHT).column("id", Align.LEFT);
            table.rows(inNaturalOrder(show), t -> new Object[] {Fragments.name(t.name()), t.dtype().label(),
                    HumanFormat.shape(t.shape()), Fragments.bytes(t.bytes()), Fragments.id(t.id())});
            return Html.concat(head, commitView.html(show.commit()), table.toHtml());
        }
        return tensorHtml(show, histogram);
    }

    private static List<TensorEntry> inNaturalOrder(ShowResult show) {
        return show.tree().stream().sorted(Comparator.comparing(TensorEntry::name, NaturalOrder.INSTANCE)).toList();
    }

    private static Html tensorHtml(ShowResult show, TensorHistogram histogram) {
        TensorSummary s = show.tensor();
        TensorEntry e = s.entry();
        TensorStats st = s.stats();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("tensor", Fragments.name(e.name()));
        rows.put("commit", Fragments.id(show.commit().id()));
        rows.put("id", Fragments.id(e.id()));
        rows.put("dtype", e.dtype().label());
        rows.put("shape", HumanFormat.shape(e.shape()));
        rows.put("elements", HumanFormat.count(st.count()));
        rows.put("size", Fragments.bytes(e.bytes()));
        rows.put("stored", Html.concat(Fragments.bytes(s.storedBytes()), Html.text(" · " + storage(s))));
        if (s.deltaBase() != null) {
            rows.put("delta base", Fragments.id(s.deltaBase()));
        }
        Fragments.putStatistics(rows, st);
        if (histogram != null) {
            rows.put("histogram", HistogramSvg.of(histogram));
        }
        return Html.concat(Fragments.head(Html.text("show " + show.spec()),
                Html.text(e.dtype().label() + " " + HumanFormat.shape(e.shape()))), Fragments.keyValues(rows));
    }

    private static String storage(TensorSummary s) {
        String codec = switch (s.codec()) {
            case RAW -> "raw";
            case SHUFFLE_ZSTD -> "shuffle + zstd";
            case XOR_DELTA -> "XOR delta, chain depth " + s.chainDepth();
            case DIFF_DELTA -> "difference delta, chain depth " + s.chainDepth();
        };
        double ratio = s.storedBytes() == 0 ? Double.NaN : (double) s.entry().bytes() / s.storedBytes();
        return ratio > 1.005 ? codec + ", " + HumanFormat.ratio(ratio) + " smaller" : codec;
    }
}
