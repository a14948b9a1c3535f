package dev.coral.core.error;

/**
 * Another writer changed the same thing first (for example the same tensor name on the same branch).
 * The repository is unchanged; the user may retry on top of the new tip.
 */
public class ConflictException extends CoralException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public boolean isUserError() {
        return true;
    }
}
