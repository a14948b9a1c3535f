package dev.coral.core.result;

/**
 * One repository setting.
 *
 * @param key         its key ({@code durability})
 * @param value       its current value
 * @param isDefault   true when the value was never set and is the default
 * @param description what it controls and which values it takes
 */
public record ConfigEntry(String key, String value, boolean isDefault, String description) {
}
