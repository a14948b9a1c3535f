package dev.coral.kernel.api;

/** Magic arguments that cannot be parsed: an unclosed quote, an option missing its value. */
public final class MagicArgsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MagicArgsException(String message) {
        super(message);
    }
}
