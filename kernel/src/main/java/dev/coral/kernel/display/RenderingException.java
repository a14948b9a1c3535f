package dev.coral.kernel.display;

/** A renderer threw; names the type whose renderer failed. */
public final class RenderingException extends Exception {

    private static final long serialVersionUID = 1L;

    public RenderingException(Class<?> type, Throwable cause) {
        super("the renderer of " + type.getName() + " failed: " + cause, cause);
    }
}
