package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.meta.ConfigTable;
import dev.coral.core.result.ConfigEntry;

import java.util.List;

/**
 * Repository settings, stored in the repository database (what {@code coral config} shows and sets).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code durability}</td><td>{@code full} | {@code process} (see {@link Durability})</td><td>{@code full}</td></tr>
 *   <tr><td>{@code codec.zstdLevel}</td><td>-7 … 22</td><td>1</td></tr>
 *   <tr><td>{@code codec.maxChainDepth}</td><td>0 … 64</td><td>8</td></tr>
 *   <tr><td>{@code dedup.threshold}</td><td>above 0, at most 1</td><td>0.95</td></tr>
 *   <tr><td>{@code user.name}</td><td>any non-blank text</td><td>the OS user</td></tr>
 * </table>
 *
 * <pre>{@code
 * repo.config().set("durability", "process");
 * repo.config().get("durability");   // "process"
 * }</pre>
 *
 * A change applies at once to the {@code Repository} object it was made through and to repositories
 * opened afterwards; other open {@code Repository} objects keep their settings until reopened.
 */
public final class Config {
    private final Stores stores;
    private final Settings settings;
    private final Runnable apply;

    Config(Stores stores, Settings settings, Runnable apply) {
        this.stores = stores;
        this.settings = settings;
        this.apply = apply;
    }

    /**
     * The value of {@code key} (its default when never set).
     *
     * @throws InvalidInputException when {@code key} is unknown
     */
    public String get(String key) {
        Settings.requireKnown(key);
        return settings.get(key);
    }

    /**
     * Sets {@code key} to {@code value} after validating it.
     *
     * @throws InvalidInputException naming the key and the values it takes
     */
    public ConfigEntry set(String key, String value) {
        String normalized = Settings.validate(key, value);
        settings.load(stores.db.write(c -> {
            ConfigTable.set(c, key, normalized);
            return ConfigTable.all(c);
        }));
        apply.run();
        return settings.entry(key);
    }

    /** Returns {@code key} to its default. */
    public ConfigEntry unset(String key) {
        Settings.requireKnown(key);
        settings.load(stores.db.write(c -> {
            ConfigTable.unset(c, key);
            return ConfigTable.all(c);
        }));
        apply.run();
        return settings.entry(key);
    }

    /** Every key with its current value, sorted by key. */
    public List<ConfigEntry> list() {
        return settings.entries();
    }
}
