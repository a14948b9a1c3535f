package dev.coral.core.error;

/** A ref, commit, tensor or repository the user named does not exist. */
public class NotFoundException extends CoralException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public boolean isUserError() {
        return true;
    }
}
