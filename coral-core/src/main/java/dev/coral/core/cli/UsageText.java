package dev.coral.core.cli;

/**
 * Text a command produced instead of doing work: usage help ({@code --help}, or {@code coral} alone) or
 * the version ({@code --version}).
 *
 * @param text the text, ending with a newline
 */
public record UsageText(String text) {
}
