package dev.coral.magics.lazy;

import dev.coral.magics.render.Align;
import dev.coral.magics.render.Fragments;
import dev.coral.magics.render.Html;
import dev.coral.magics.render.HumanFormat;
import dev.coral.magics.render.RecordView;
import dev.coral.magics.render.TextTable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link CacheStats}: fill against the bound as a bar, hit rate, evictions and load time. */
public final class CacheStatsView implements RecordView<CacheStats> {

    @Override
    public Html html(CacheStats s) {
        Map<String, Object> rows = new LinkedHashMap<>();
        double fill = s.maximumBytes() == 0 ? 1 : (double) s.bytes() / s.maximumBytes();
        rows.put("size", Html.concat(Fragments.bytes(s.bytes()), Html.text(" of " + HumanFormat.bytes(s.maximumBytes())
                + " · " + HumanFormat.count(s.entries()) + " tensors"), Fragments.bar(fill, false)));
        rows.put("hit rate", Html.concat(Html.text(HumanFormat.percent(s.hitRate()) + " (" + HumanFormat.count(s.hitCount())
                + " hits, " + HumanFormat.count(s.missCount()) + " loads)"), Fragments.bar(s.hitRate(), false)));
        rows.put("evictions", HumanFormat.count(s.evictionCount()) + " (" + HumanFormat.bytes(s.evictedBytes()) + ")");
        rows.put("mean load", HumanFormat.millis(Duration.ofNanos((long) s.averageLoadNanos())));
        if (s.loadFailures() > 0) {
            rows.put("failed loads", Html.tag("span", "coral-bad", Html.text(HumanFormat.count(s.loadFailures()))));
        }
        return Html.concat(Fragments.head(Html.text("tensor cache"), Html.empty()), Fragments.keyValues(rows));
    }

    @Override
    public String text(CacheStats s) {
        TextTable t = new TextTable().column("", Align.LEFT).column("", Align.LEFT).noHeader();
        t.row("size", HumanFormat.bytes(s.bytes()) + " of " + HumanFormat.bytes(s.maximumBytes()) + ", "
                + HumanFormat.count(s.entries()) + " tensors");
        t.row("hit rate", HumanFormat.percent(s.hitRate()) + " (" + HumanFormat.count(s.hitCount()) + " hits, "
                + HumanFormat.count(s.missCount()) + " loads)");
        t.row("evictions", HumanFormat.count(s.evictionCount()) + " (" + HumanFormat.bytes(s.evictedBytes()) + ")");
        t.row("mean load", HumanFormat.millis(Duration.ofNanos((long) s.averageLoadNanos())));
        if (s.loadFailures() > 0) {
            t.row("failed loads", HumanFormat.count(s.loadFailures()));
        }
        return t.toString();
    }
}
