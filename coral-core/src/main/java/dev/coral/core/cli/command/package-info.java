/**
 * One picocli command class per {@code coral} verb. Each extends
 * {@link dev.coral.core.cli.command.VerbCommand}: picocli fills its fields, then
 * {@code execute(CommandContext)} calls the repository API and returns the result record. Parameter
 * labels name what a value is ({@code REF}, {@code TENSOR}, {@code FILE}, {@code BRANCH}, {@code TAG},
 * {@code KEY}); {@link dev.coral.core.cli.CoralCommands#syntax()} turns them into completion kinds, so
 * a label is chosen for what it completes, not only for how it reads in the help.
 */
package dev.coral.core.cli.command;
