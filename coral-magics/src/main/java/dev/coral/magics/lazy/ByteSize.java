package dev.coral.magics.lazy;

import dev.coral.core.error.InvalidInputException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes as people type them, in binary units: {@code 1048576}, {@code 512k}, {@code 512KiB},
 * {@code 2g}, {@code 1.5GB} (every unit is a power of 1024, as for the JVM's {@code -Xmx}).
 *
 * <pre>{@code
 * ByteSize.parse("2g");     // 2147483648
 * }</pre>
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");

    private ByteSize() {
    }

    /** @throws InvalidInputException naming the text when it is not a size or is too large */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("'" + text + "' is not a size; write e.g. 512m, 2g or 1048576 (bytes)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        double value = Double.parseDouble(m.group(1)) * Math.pow(2, shift);
        if (value >= 0x1p63) {
            throw new InvalidInputException("size '" + text + "' is too large");
        }
        return (long) value;
    }
}
