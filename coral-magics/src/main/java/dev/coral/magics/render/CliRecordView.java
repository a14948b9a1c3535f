package dev.coral.magics.render;

import dev.coral.core.cli.TextRenderer;

/**
 * A view of a CLI result record whose {@code text/plain} form is exactly what the {@code coral} CLI
 * prints ({@link TextRenderer}), so terminals, {@code nbconvert --to markdown} and the CLI agree.
 * Implementations supply only the HTML.
 *
 * <pre>{@code
 * public final class FsckView implements CliRecordView<FsckResult> {
 *     public Html html(FsckResult fsck) { ... }
 * }
 * new FsckView().text(repo.fsck());   // what `coral fsck` prints
 * }</pre>
 *
 * @param <T> the result record shown
 */
public interface CliRecordView<T> extends RecordView<T> {
    /** The CLI's text of {@code record}, without the final newline (Jupyter would show it as a blank line). */
    @Override
    default String text(T record) {
        return TextRenderer.render(record).stripTrailing();
    }
}
