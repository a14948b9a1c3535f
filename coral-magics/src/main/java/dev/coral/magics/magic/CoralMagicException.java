package dev.coral.magics.magic;

/**
 * A {@code %coral} command that could not run because of what the user typed or asked for (an unknown
 * verb or ref, a missing argument, a variable of the wrong type). It carries only the message: the
 * notebook shows one readable line, not a stack trace of the engine.
 */
public final class CoralMagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CoralMagicException(String message) {
        super(message, null, false, false);
    }
}
