package dev.coral.core.cli;

/**
 * One positional argument of a verb, for completion and help.
 *
 * @param label       its label ({@code REF})
 * @param kind        what it names
 * @param optional    true when it may be left out
 * @param repeatable  true when several may be given ({@code FILE…})
 * @param description its help text
 */
public record ParameterSyntax(String label, ValueKind kind, boolean optional, boolean repeatable,
                              String description) {
}
