package dev.coral.core.cli;

import dev.coral.core.error.InvalidInputException;

/**
 * A command line Coral cannot parse or that asks for something impossible: an unknown verb or option,
 * a missing argument, options that exclude each other. Nothing was changed.
 */
public class UsageException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
