package dev.coral.magics.render;

import dev.coral.core.cli.TextRenderer;

/**
 * The {@code text/plain} form of a result record: exactly what the {@code coral} CLI prints
 * ({@link TextRenderer}), so terminals, {@code nbconvert --to markdown} and the CLI agree.
 */
final class CliText {
    private CliText() {
    }

    /** The CLI's text of {@code record}, without the final newline (Jupyter would show it as a blank line). */
    static String of(Object record) {
        return TextRenderer.render(record).stripTrailing();
    }
}
