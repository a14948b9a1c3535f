package dev.coral.core.cli;

import dev.coral.core.result.ConfigEntry;

/**
 * A setting changed by {@code coral config set} or {@code coral config unset}.
 *
 * @param previous the setting before
 * @param current  the setting now
 */
public record ConfigUpdateResult(ConfigEntry previous, ConfigEntry current) {
}
