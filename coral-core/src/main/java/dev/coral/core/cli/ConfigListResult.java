package dev.coral.core.cli;

import dev.coral.core.result.ConfigEntry;

import java.util.List;

/**
 * Every repository setting, sorted by key ({@code coral config list}).
 *
 * @param entries the settings with their values
 */
public record ConfigListResult(List<ConfigEntry> entries) {
    public ConfigListResult {
        entries = List.copyOf(entries);
    }
}
