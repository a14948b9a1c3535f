package dev.coral.magics.render;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers as the HTML views show them: percentages that never round to 0 or 100 when they are not,
 * durations, counts with thousands separators, measurements with four significant digits, cosines
 * with the digits that matter. Sizes, shapes and times are the CLI's ({@code dev.coral.core.cli.text.HumanFormat})
 * so that the HTML and text forms of a record agree. Every method is locale independent.
 *
 * <pre>{@code
 * HumanFormat.bytes(160_000);        // "156.3 KiB"
 * HumanFormat.percent(0.0123);       // "1.23 %"
 * HumanFormat.duration(Duration.ofNanos(1_534_000));  // "1.534 ms"
 * HumanFormat.count(1234567);        // "1,234,567"
 * }</pre>
 */
public final class HumanFormat {

    private HumanFormat() {
    }

    /** Sizes as the CLI writes them ({@code 512 B}, {@code 156.3 KiB}, {@code 3.4 GiB}), so both forms agree. */
    public static String bytes(long bytes) {
        return dev.coral.core.cli.text.HumanFormat.bytes(bytes);
    }

    /**
     * A fraction (0.5 = 50 %) as a percentage with up to three significant digits; tiny non-zero values
     * show as {@code <0.01 %} so they never read as zero. NaN gives {@code "–"}.
     */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        if (p == 0) {
            return "0 %";
        }
        if (Math.abs(p) < 0.01) {
            return (p < 0 ? ">-0.01 %" : "<0.01 %");
        }
        if (Math.abs(p) >= 99.995 && Math.abs(p) < 100) {
            return (p < 0 ? "-" : "") + ">99.99 %";
        }
        String digits = Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.2f", p);
        return stripZeros(digits) + " %";
    }

    /** A duration in the unit that reads best: {@code 850 µs}, {@code 1.534 ms}, {@code 2.40 s}, {@code 3 min 05 s}. */
    public static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return significant(nanos / 1e6) + " ms";
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A measurement with four significant digits: {@code 0.1235}, {@code 12.35}, {@code 12346},
     * {@code 1.235e-05}; NaN gives {@code "–"}, infinities {@code ∞} and {@code -∞}.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return significant(value);
        }
        return String.format(Locale.ROOT, "%.3e", value).replace("e+", "e");
    }

    /**
     * A cosine similarity: near 1 with as many digits as it takes to tell it from 1 (up to 9), so
     * {@code 0.9999968} reads {@code 0.999997} rather than {@code 1}; otherwise like {@link #number}.
     */
    public static String cosine(double value) {
        if (!(value > 0.999) || value >= 1) {
            return number(value);
        }
        for (int decimals = 4; decimals <= 9; decimals++) {
            String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (!text.startsWith("1")) {
                return stripZeros(text);
            }
        }
        return String.format(Locale.ROOT, "%.9f", value);
    }

    /** A ratio such as a deduplication factor: {@code 12.5×}; NaN or infinite gives {@code "–"}. */
    public static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : significant3(value)) + "×";
    }

    /** Metrics as {@code acc=0.93 loss=0.21}, in map order, four significant digits. */
    public static String metrics(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((name, value) -> sb.append(sb.isEmpty() ? "" : " ").append(name).append('=').append(number(value)));
        return sb.toString();
    }

    /** {@code [200, 200]}; a scalar is {@code []} (the CLI's form). */
    public static String shape(List<Long> shape) {
        return dev.coral.core.cli.text.HumanFormat.shape(shape);
    }

    /** An instant as the CLI writes it: {@code 2026-11-27 06:10:03} in the local time zone. */
    public static String time(Instant instant) {
        return instant == null ? "" : dev.coral.core.cli.text.HumanFormat.time(instant);
    }

    private static String significant(double value) {
        double magnitude = Math.abs(value);
        int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3
                : Math.min(12, 3 - (int) Math.floor(Math.log10(magnitude)));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return decimals == 0 ? text : stripZeros(text);
    }

    private static String significant3(double value) {
        String text = String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
        return stripZeros(text);
    }

    private static String stripZeros(String decimal) {
        if (decimal.indexOf('.') < 0) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
