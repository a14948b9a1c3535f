package dev.coral.core.error;

/** The user gave input Coral refuses: a malformed file, a bad name, an impossible shape. Nothing was changed. */
public class InvalidInputException extends CoralException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return true;
    }
}
