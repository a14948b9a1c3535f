package dev.coral.magics.render;

import dev.coral.core.result.CacheStats;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link CacheStats} ({@code %coral cache}): bytes held against the bound and the hit rate, as bars; evictions. */
public final class CacheStatsView implements CliRecordView<CacheStats> {

    @Override
    public Html html(CacheStats s) {
        long reads = s.hits() + s.misses();
        double hitRate = reads == 0 ? Double.NaN : (double) s.hits() / reads;
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("size", Html.concat(Html.text(HumanFormat.bytes(s.cachedBytes()) + " of " + HumanFormat.bytes(s.maxBytes())),
                Fragments.bar(s.maxBytes() == 0 ? 1 : (double) s.cachedBytes() / s.maxBytes(), false)));
        rows.put("hit rate", Html.concat(Html.text(HumanFormat.percent(hitRate) + " (" + HumanFormat.count(s.hits())
                + (s.hits() == 1 ? " hit, " : " hits, ") + HumanFormat.count(s.misses()) + (s.misses() == 1 ? " miss)" : " misses)")),
                Fragments.bar(hitRate, false)));
        rows.put("evictions", HumanFormat.count(s.evictions()));
        return Html.concat(Fragments.head(Html.text("tensor cache"), Html.empty()), Fragments.keyValues(rows));
    }
}
