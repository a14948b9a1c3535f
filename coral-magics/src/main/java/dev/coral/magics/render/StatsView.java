package dev.coral.magics.render;

import dev.coral.core.result.StatsResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link StatsResult}: counts, then sizes with the two ratios that matter: deduplication (raw bytes
 * of every tensor version / raw bytes of distinct contents) and on-disk saving (raw bytes of distinct
 * contents / bytes on disk).
 */
public final class StatsView implements CliRecordView<StatsResult> {

    @Override
    public Html html(StatsResult s) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("commits", HumanFormat.count(s.commits()));
        rows.put("branches · tags", HumanFormat.count(s.branches()) + " · " + HumanFormat.count(s.tags()));
        rows.put("tensor versions", HumanFormat.count(s.tensors()));
        rows.put("distinct contents", HumanFormat.count(s.uniqueObjects()) + " (" + HumanFormat.count(s.deltaObjects())
                + " stored as deltas)");
        rows.put("raw size of contents", Fragments.bytes(s.logicalBytes()));
        rows.put("encoded size", Html.concat(Fragments.bytes(s.encodedBytes()),
                Html.text(" · " + versus(s.logicalBytes(), s.encodedBytes()))));
        rows.put("on disk (.coral)", Html.concat(Fragments.bytes(s.storedBytes()),
                Html.text(" · " + versus(s.logicalBytes(), s.storedBytes()))));
        return Html.concat(Fragments.head(Html.text("repository stats"), Html.empty()), Fragments.keyValues(rows));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    /** {@code "3.2× smaller than raw"} or {@code "1.1× larger than raw"}. */
    private static String versus(long raw, long actual) {
        double r = ratio(raw, actual);
        if (!Double.isFinite(r) || r == 0) {
            return "–";
        }
        return r >= 1 ? HumanFormat.ratio(r) + " smaller than raw" : HumanFormat.ratio(1 / r) + " larger than raw";
    }
}
