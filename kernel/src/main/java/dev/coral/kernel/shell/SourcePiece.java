package dev.coral.kernel.shell;

/**
 * A piece of a cell's source with its place in the cell.
 *
 * @param source the text, as JShell will see it
 * @param offset where {@code source}'s first non-blank character sits in the cell
 * @param mayBeExpression whether the source may be a bare expression (complete without a closing
 *        {@code ;} or {@code }}), which is then evaluated through {@link ValueCapture}
 */
public record SourcePiece(String source, int offset, boolean mayBeExpression) {

    /** A piece evaluated as written. */
    public SourcePiece(String source, int offset) {
        this(source, offset, false);
    }
}
