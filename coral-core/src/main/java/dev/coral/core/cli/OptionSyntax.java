package dev.coral.core.cli;

import java.util.List;

/**
 * One option of a verb, for completion and help.
 *
 * @param names       its names, short first ({@code [-m, --message]})
 * @param valueLabel  the label of its value ({@code MSG}), or null for a flag
 * @param valueKind   what its value names, or null for a flag
 * @param repeatable  true when it may be given several times
 * @param description its help text
 */
public record OptionSyntax(List<String> names, String valueLabel, ValueKind valueKind, boolean repeatable,
                           String description) {
    public OptionSyntax {
        names = List.copyOf(names);
    }

    /** True when the option takes a value. */
    public boolean takesValue() {
        return valueLabel != null;
    }
}
