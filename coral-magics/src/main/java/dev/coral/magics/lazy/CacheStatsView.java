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
        double fill = s.maximumBytes() == 0 ? 1 : (double) s.bytes() / s.maximumBytes();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("size", Html.concat(Html.text(size(s)), Fragments.bar(fill, false)));
        rows.put("hit rate", Html.concat(Html.text(hits(s)), Fragments.bar(s.hitRate(), false)));
        rows.put("evictions", evictions(s));
        rows.put("mean load", meanLoad(s));
        if (s.loadFailures() > 0) {
            rows.put("failed loads", Html.tag("span", "coral-bad", Html.text(HumanFormat.count(s.loadFailures()))));
        }
        return Html.concat(Fragments.head(Html.text("tensor cache"), Html.empty()), Fragments.keyValues(rows));
    }

    @Override
    public String text(CacheStats s) {
        TextTable t = new TextTable().column("", Align.LEFT).column("", Align.LEFT).noHeader();
        t.row("size", size(s));
        t.row("hit rate", hits(s));
        t.row("evictions", evictions(s));
        t.row("mean load", meanLoad(s));
        if (s.loadFailures() > 0) {
            t.row("failed loads", HumanFormat.count(s.loadFailures()));
        }
        return t.toString();
    }

    private static String size(CacheStats s) {
        return HumanFormat.bytes(s.bytes()) + " of " + HumanFormat.bytes(s.maximumBytes()) + " · "
                + HumanFormat.count(s.entries()) + (s.entries() == 1 ? " tensor" : " tensors");
    }

    private static String hits(CacheStats s) {
        return HumanFormat.percent(s.hitRate()) + " (" + HumanFormat.count(s.hitCount()) + (s.hitCount() == 1 ? " hit, " : " hits, ")
                + HumanFormat.count(s.missCount()) + (s.missCount() == 1 ? " load)" : " loads)");
    }

    private static String evictions(CacheStats s) {
        return HumanFormat.count(s.evictionCount()) + " (" + HumanFormat.bytes(s.evictedBytes()) + ")";
    }

    private static String meanLoad(CacheStats s) {
        return HumanFormat.millis(Duration.ofNanos((long) s.averageLoadNanos()));
    }
}
