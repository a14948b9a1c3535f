package dev.coral.core.error;

/**
 * Root of every failure Coral reports. Messages are written for the user: they name the thing that
 * went wrong and, where there is one, the command that fixes it.
 *
 * <p>{@link #isUserError()} separates problems the user can fix (bad input, unknown ref, conflict:
 * exit code 1 in the CLI) from internal failures (I/O errors, corruption: exit code 2).
 */
public class CoralException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CoralException(String message) {
        super(message);
    }

    public CoralException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the user caused the failure and can fix it by changing what they asked for. */
    public boolean isUserError() {
        return false;
    }
}
