package dev.coral.kernel.api;

import java.util.List;

/**
 * A cell magic: a cell whose first line is {@code %%name arguments}; the rest of the cell is its body.
 * The body may be empty. The returned value is rendered as the cell's result ({@code null}: none).
 *
 * <pre>{@code
 * CellMagic upper = (args, body, context) -> body.toUpperCase();
 * }</pre>
 */
@FunctionalInterface
public interface CellMagic {

    /**
     * Runs the magic.
     *
     * @param args the text after {@code %%name} on the first line, split git-style
     * @param body the lines after the first, as written ({@code ""} when there are none)
     * @param context access to the notebook session
     */
    Object run(MagicArgs args, String body, MagicContext context) throws Exception;

    /**
     * Completion candidates for the word being typed on the {@code %%name} line; as
     * {@link LineMagic#complete}. None by default.
     */
    default List<String> complete(String argsBeforeCursor, MagicContext context) {
        return List.of();
    }
}
