package dev.coral.core.cli.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Numbers, sizes, shapes and times as a person reads them in a terminal.
 *
 * <pre>{@code
 * HumanFormat.bytes(160_000);             // "156.3 KiB"
 * HumanFormat.shape(List.of(200L, 200L)); // "[200, 200]"
 * HumanFormat.number(0.000123456);        // "0.000123456"
 * }</pre>
 */
public final class HumanFormat {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private HumanFormat() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 156.3 KiB}, {@code 3.4 GiB}: binary units, one decimal. */
    public static String bytes(long n) {
        if (Math.abs(n) < 1024) {
            return n + " B";
        }
        double value = n;
        int unit = -1;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code [200, 200]}; {@code []} for a scalar. */
    public static String shape(List<Long> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A value with up to 6 significant digits, without trailing zeros; {@code NaN}, {@code inf}, {@code -inf}. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String mantissa = s.substring(0, s.indexOf('e'));
            return stripZeros(mantissa) + s.substring(s.indexOf('e'));
        }
        return stripZeros(s);
    }

    private static String stripZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** {@code 12.5%} (one decimal; {@code <0.1%} for tiny non-zero fractions). */
    public static String percent(double fraction) {
        if (fraction > 0 && fraction < 0.001) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** {@code acc=0.93 loss=0.21}, in map order. */
    public static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .map(e -> e.getKey() + "=" + number(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** {@code 2026-11-27 06:10:03} in the local time zone. */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** A span of seconds in its largest whole unit: {@code 45 s}, {@code 30 min}, {@code 1 h}, {@code 14 d}. */
    public static String duration(long seconds) {
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /** {@code n} followed by the singular or plural noun: {@code 1 tensor}, {@code 3 tensors}. */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
