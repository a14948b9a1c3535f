package dev.coral.core.repo;

import dev.coral.core.codec.CodecSettings;
import dev.coral.core.dedup.SimilarityFinder;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.result.ConfigEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The known configuration keys, their defaults and validation, and the values in effect for one open
 * repository. Values are stored as text in the {@code config} table; absent keys take their defaults.
 */
final class Settings {
    static final String DURABILITY = "durability";
    static final String ZSTD_LEVEL = "codec.zstdLevel";
    static final String MAX_CHAIN_DEPTH = "codec.maxChainDepth";
    static final String USER_NAME = "user.name";
    static final String DEDUP_THRESHOLD = "dedup.threshold";

    private record Key(String name, String description, java.util.function.Supplier<String> defaultValue,
                       Consumer<String> validator) {
    }

    private static final Map<String, Key> KEYS = new TreeMap<>();

    static {
        add(new Key(DURABILITY, "full (fsync objects and the database: survives a power cut) or process "
                + "(survives a killed process, several times faster for small commits)",
                () -> Durability.FULL.label(), Durability::parse));
        add(new Key(ZSTD_LEVEL, "zstd compression level of stored tensors, -7 to 22 (higher is smaller and slower)",
                () -> String.valueOf(CodecSettings.DEFAULT.zstdLevel()), v -> intIn(ZSTD_LEVEL, v, -7, 22)));
        add(new Key(MAX_CHAIN_DEPTH, "longest chain of deltas a read may decode, 0 (no deltas) to 64",
                () -> String.valueOf(CodecSettings.DEFAULT.maxChainDepth()), v -> intIn(MAX_CHAIN_DEPTH, v, 0, 64)));
        add(new Key(DEDUP_THRESHOLD, "cosine similarity from which a new tensor is stored as a delta against a "
                + "similar stored one of the same dtype and shape, above 0 and at most 1",
                () -> String.valueOf(SimilarityFinder.DEFAULT_THRESHOLD), Settings::similarity));
        add(new Key(USER_NAME, "author recorded in commits and tags when none is given",
                Settings::osUser, v -> {
                    if (v.isBlank() || v.chars().anyMatch(ch -> ch < 0x20)) {
                        throw new InvalidInputException("user.name must be non-blank text without control characters");
                    }
                }));
    }

    private static void add(Key key) {
        KEYS.put(key.name(), key);
    }

    private volatile Map<String, String> stored = Map.of();

    /** Replaces the values in effect with {@code storedValues} (the rows of the config table). */
    void load(Map<String, String> storedValues) {
        stored = Map.copyOf(storedValues);
    }

    /** Throws unless {@code key} is known and {@code value} valid for it; returns the normalized value. */
    static String validate(String key, String value) {
        Key k = key(key);
        if (value == null) {
            throw new InvalidInputException("config " + key + " needs a value: " + k.description());
        }
        String trimmed = value.trim();
        k.validator().accept(trimmed);
        return key.equals(DURABILITY) ? Durability.parse(trimmed).label() : trimmed;
    }

    static void requireKnown(String key) {
        key(key);
    }

    private static Key key(String key) {
        Key k = KEYS.get(key);
        if (k == null) {
            throw new InvalidInputException("unknown config key '" + key + "'; known keys: " + String.join(", ", KEYS.keySet()));
        }
        return k;
    }

    String get(String key) {
        String v = stored.get(key);
        return v != null ? v : key(key).defaultValue().get();
    }

    List<ConfigEntry> entries() {
        List<ConfigEntry> out = new ArrayList<>();
        for (Key k : KEYS.values()) {
            out.add(entry(k.name()));
        }
        return out;
    }

    ConfigEntry entry(String key) {
        return new ConfigEntry(key, get(key), !stored.containsKey(key), key(key).description());
    }

    Durability durability() {
        return Durability.parse(get(DURABILITY));
    }

    CodecSettings codecSettings() {
        return new CodecSettings(Integer.parseInt(get(ZSTD_LEVEL)), Integer.parseInt(get(MAX_CHAIN_DEPTH)));
    }

    double similarityThreshold() {
        return Double.parseDouble(get(DEDUP_THRESHOLD));
    }

    String userName() {
        return get(USER_NAME);
    }

    private static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    private static void similarity(String value) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("config " + DEDUP_THRESHOLD + " must be a number above 0 and at most 1, got '"
                    + value + "'");
        }
        if (!(v > 0 && v <= 1)) {
            throw new InvalidInputException("config " + DEDUP_THRESHOLD + " must be above 0 and at most 1, got " + value);
        }
    }

    private static void intIn(String key, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("config " + key + " must be a whole number from " + min + " to " + max
                    + ", got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new InvalidInputException("config " + key + " must be from " + min + " to " + max + ", got " + v);
        }
    }
}
