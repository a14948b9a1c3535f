package dev.coral.kernel.api;

import java.util.List;

/**
 * A line magic: {@code %name arguments} on its own line, or on the right of an assignment
 * ({@code var r = %name arguments}).
 *
 * <p>The magic runs when the cell reaches its line, after the statements above it. Its return value
 * is the value of the magic: rendered when it ends the cell, assigned with its own static type when
 * the magic is on the right of {@code =}. Return {@code null} for no value.
 *
 * <pre>{@code
 * LineMagic greet = (args, context) -> {
 *     MagicOptions options = args.options("n", "name");     // -n and --name take a value
 *     return "Hello, " + options.value("name").orElse("world");
 * };
 * }</pre>
 */
@FunctionalInterface
public interface LineMagic {

    /**
     * Runs the magic. An exception is reported to the user as the cell's error, with its class name
     * and message.
     *
     * @param args the text after the magic's name, split git-style
     * @param context access to the notebook session (variables, display, output)
     */
    Object run(MagicArgs args, MagicContext context) throws Exception;

    /**
     * Completion candidates for the word being typed, on Tab. {@code argsBeforeCursor} is the text
     * after the magic's name up to the cursor; each candidate replaces its last, partial word (the text
     * after its last blank). None by default.
     */
    default List<String> complete(String argsBeforeCursor, MagicContext context) {
        return List.of();
    }
}
