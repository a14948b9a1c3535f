package dev.coral.core.json;

import dev.coral.core.error.InvalidInputException;

/**
 * Text that is not strict JSON, or that exceeds the {@link JsonLimits}. The message names the line,
 * the column and the char offset (all counted from the input's first char; line and column from 1).
 */
public class JsonParseException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int line;
    private final int column;

    JsonParseException(String problem, int offset, int line, int column) {
        super("invalid JSON at line " + line + ", column " + column + " (offset " + offset + "): " + problem);
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** Offset of the offending char in the input, from 0. */
    public int offset() {
        return offset;
    }

    /** Line of the offending char, from 1. */
    public int line() {
        return line;
    }

    /** Column of the offending char within its line, from 1. */
    public int column() {
        return column;
    }
}
