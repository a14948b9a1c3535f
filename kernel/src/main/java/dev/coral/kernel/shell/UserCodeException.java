package dev.coral.kernel.shell;

/** Notebook code (a snippet or a magic) threw; {@link #getCause()} is the exception exactly as thrown. */
public final class UserCodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserCodeException(Throwable thrown) {
        super(thrown.toString(), thrown);
    }
}
