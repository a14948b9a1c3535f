package dev.coral.kernel.shell;

/** Notebook code was stopped by an interrupt request. */
public final class CodeStoppedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CodeStoppedException() {
        super("the cell was interrupted");
    }
}
