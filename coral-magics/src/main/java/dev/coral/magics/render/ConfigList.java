package dev.coral.magics.render;

import dev.coral.core.result.ConfigEntry;

import java.util.List;

/**
 * Repository settings as one value, rendered as a table.
 *
 * <pre>{@code
 * new ConfigList(repo.config().list());
 * }</pre>
 *
 * @param entries the settings, in the order given
 */
public record ConfigList(List<ConfigEntry> entries) {
    public ConfigList {
        entries = List.copyOf(entries);
    }
}
