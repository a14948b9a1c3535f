package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics recorded with commits and tags: names mapped to finite numbers.
 *
 * <pre>{@code
 * Map<String, Double> m = Metrics.parse(List.of("acc=0.93", "loss=0.21"));
 * }</pre>
 */
public final class Metrics {
    /** Longest metric name accepted. */
    public static final int MAX_NAME_LENGTH = 256;

    private Metrics() {
    }

    /**
     * Parses {@code name=value} pairs as the CLI's {@code --metric acc=0.93} gives them.
     *
     * @throws InvalidInputException naming the pair that is not {@code name=number}
     */
    public static Map<String, Double> parse(List<String> pairs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("metric '" + pair + "' is not of the form name=value (e.g. acc=0.93)");
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            try {
                out.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("metric '" + name + "' has value '" + value + "', which is not a number");
            }
        }
        return check(out);
    }

    /**
     * Checks names and values and returns {@code metrics}.
     *
     * @throws InvalidInputException on a blank or overlong name, a control character, or a non-finite value
     */
    public static Map<String, Double> check(Map<String, Double> metrics) {
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("metric name is empty");
            }
            if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidInputException("metric name '" + name.substring(0, Math.min(60, name.length()))
                        + "' is longer than " + MAX_NAME_LENGTH + " characters or contains a control character");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new InvalidInputException("metric '" + name + "' must be a finite number, got " + e.getValue());
            }
        }
        return metrics;
    }
}
