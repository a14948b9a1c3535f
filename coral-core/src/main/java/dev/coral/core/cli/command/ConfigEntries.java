package dev.coral.core.cli.command;

import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.repo.Config;
import dev.coral.core.result.ConfigEntry;

import java.util.function.Function;

/** Looks up one setting as a {@link ConfigEntry} and records changes as before/after pairs. */
final class ConfigEntries {
    private ConfigEntries() {
    }

    /** The entry of {@code key}; the config's own check rejects unknown keys with the list of known ones. */
    static ConfigEntry find(Config config, String key) {
        config.get(key);
        return config.list().stream()
                .filter(e -> e.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("config: no setting '" + key + "'; see coral config list"));
    }

    static ConfigUpdateResult update(Config config, String key, Function<Config, ConfigEntry> change) {
        ConfigEntry previous = find(config, key);
        return new ConfigUpdateResult(previous, change.apply(config));
    }
}
