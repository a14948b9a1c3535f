package dev.coral.core.meta;

import dev.coral.core.error.CorruptObjectException;

import java.util.Map;
import java.util.TreeMap;

/**
 * How commit and tag metrics are kept in a database column: one {@code name=value} line per metric,
 * sorted by name, values in {@link Double#toString} form (which parses back to the same bits). A name may
 * itself contain {@code '='}; the value starts after the last one.
 */
public final class MetricsText {
    private MetricsText() {
    }

    public static String format(Map<String, Double> metrics) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(metrics).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            try {
                out.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
            } catch (RuntimeException e) {
                throw new CorruptObjectException("stored metric line '" + line + "' is malformed; run `coral fsck`");
            }
        }
        return out;
    }
}
