package dev.coral.kernel.api;

import java.util.List;

/**
 * The arguments of a magic: the raw text after the magic's name and its words, split like a shell
 * does (quotes group, backslashes escape). {@link #options(String...)} reads them git-style; magics
 * with a full command grammar pass {@link #toArray()} to their own parser (picocli, for example).
 *
 * <pre>{@code
 * // %commit -m "first weights" --author=ann --amend model.bin
 * MagicOptions o = args.options("m", "message", "author");
 * o.value("m");          // Optional[first weights]
 * o.value("author");     // Optional[ann]
 * o.has("amend");        // true
 * o.positionals();       // [model.bin]
 * }</pre>
 */
public final class MagicArgs {

    private final String line;
    private final List<String> tokens;

    private MagicArgs(String line, List<String> tokens) {
        this.line = line;
        this.tokens = tokens;
    }

    /**
     * Splits {@code line} into words.
     *
     * @throws MagicArgsException when a quote is not closed
     */
    public static MagicArgs parse(String line) {
        String text = line == null ? "" : line.strip();
        return new MagicArgs(text, List.copyOf(ArgumentTokenizer.split(text)));
    }

    /** The argument text as written, without leading and trailing blanks. */
    public String line() {
        return line;
    }

    /** The words, quotes removed. */
    public List<String> tokens() {
        return tokens;
    }

    /** The words as an array, for command-line parsers. */
    public String[] toArray() {
        return tokens.toArray(new String[0]);
    }

    /**
     * Reads the words as git-style options. {@code optionsWithValue} names the options that take a
     * value, without dashes ({@code "m"} for {@code -m}, {@code "message"} for {@code --message});
     * every other option is a flag. Accepted forms: {@code -m value}, {@code -mvalue},
     * {@code --message value}, {@code --message=value} (any option), {@code -abc} (flags a, b, c),
     * and {@code --} ending the options.
     *
     * @throws MagicArgsException when an option that takes a value has none
     */
    public MagicOptions options(String... optionsWithValue) {
        return MagicOptions.read(tokens, List.of(optionsWithValue));
    }

    @Override
    public String toString() {
        return line;
    }
}
