package dev.coral.kernel.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Magic arguments read git-style by {@link MagicArgs#options(String...)}: option values by name,
 * flags, and the remaining positional words in order. Names are given without dashes.
 */
public final class MagicOptions {

    private final Map<String, List<String>> values;
    private final Set<String> flags;
    private final List<String> positionals;

    private MagicOptions(Map<String, List<String>> values, Set<String> flags, List<String> positionals) {
        this.values = values;
        this.flags = flags;
        this.positionals = positionals;
    }

    static MagicOptions read(List<String> tokens, Collection<String> optionsWithValue) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                positionals.addAll(tokens.subList(i + 1, tokens.size()));
                break;
            } else if (token.startsWith("--")) {
                int eq = token.indexOf('=');
                if (eq > 2) {
                    add(values, token.substring(2, eq), token.substring(eq + 1));
                } else if (optionsWithValue.contains(token.substring(2))) {
                    add(values, token.substring(2), valueAfter(tokens, i++, token));
                } else {
                    flags.add(token.substring(2));
                }
            } else if (token.length() > 1 && token.charAt(0) == '-' && !isNumber(token)) {
                i = readShortOptions(tokens, i, optionsWithValue, values, flags);
            } else {
                positionals.add(token);
            }
        }
        return new MagicOptions(values, flags, List.copyOf(positionals));
    }

    /** Reads {@code -abc} or {@code -mvalue} or {@code -m value}; returns the index of the last word used. */
    private static int readShortOptions(List<String> tokens, int index, Collection<String> optionsWithValue,
            Map<String, List<String>> values, Set<String> flags) {
        String token = tokens.get(index);
        for (int c = 1; c < token.length(); c++) {
            String name = String.valueOf(token.charAt(c));
            if (!optionsWithValue.contains(name)) {
                flags.add(name);
            } else if (c + 1 < token.length()) {
                add(values, name, token.substring(c + 1));
                return index;
            } else {
                add(values, name, valueAfter(tokens, index, token));
                return index + 1;
            }
        }
        return index;
    }

    private static String valueAfter(List<String> tokens, int index, String option) {
        if (index + 1 >= tokens.size()) {
            throw new MagicArgsException("option " + option + " needs a value");
        }
        return tokens.get(index + 1);
    }

    private static void add(Map<String, List<String>> values, String name, String value) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static boolean isNumber(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The last value given to any of {@code names} (aliases, e.g. {@code value("m", "message")}), or
     * empty.
     */
    public Optional<String> value(String... names) {
        List<String> all = values(names);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every value given to any of {@code names}, in order of appearance per name. */
    public List<String> values(String... names) {
        List<String> all = new ArrayList<>();
        for (String name : names) {
            all.addAll(values.getOrDefault(name, List.of()));
        }
        return all;
    }

    /** Whether any of {@code names} was given, as a flag or with a value. */
    public boolean has(String... names) {
        for (String name : names) {
            if (flags.contains(name) || values.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** The words that are not options nor option values, in order. */
    public List<String> positionals() {
        return positionals;
    }
}
