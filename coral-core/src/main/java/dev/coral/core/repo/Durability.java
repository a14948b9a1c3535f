package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;

import java.util.Locale;

/**
 * How hard a commit works to survive a crash before it is acknowledged (config key {@code durability}).
 */
public enum Durability {
    /**
     * Survives a power cut: object files are fsynced (and their directory) and SQLite runs with
     * {@code synchronous=FULL}. The default.
     */
    FULL,
    /**
     * Survives a killed process but not a power cut or OS crash: no file fsync, SQLite with
     * {@code synchronous=NORMAL} in WAL mode. Several times faster for many small commits.
     */
    PROCESS;

    /** The config value, {@code full} or {@code process}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException when {@code text} is neither {@code full} nor {@code process} */
    public static Durability parse(String text) {
        for (Durability d : values()) {
            if (d.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return d;
            }
        }
        throw new InvalidInputException("durability '" + text + "' is not one of: full, process");
    }
}
