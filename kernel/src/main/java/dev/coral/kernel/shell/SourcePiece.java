package dev.coral.kernel.shell;

/**
 * A piece of a cell's source with its place in the cell.
 *
 * @param source the text, as JShell will see it
 * @param offset where {@code source}'s first non-blank character sits in the cell
 */
public record SourcePiece(String source, int offset) {
}
