package dev.coral.kernel.shell;

import java.util.List;

/** A snippet that does not compile; carries JShell's diagnostics, positioned in the cell. */
public final class CompileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One compile error.
     *
     * @param message javac's message
     * @param start the offset of the offending text in the cell
     * @param end the offset just after it
     */
    public record Problem(String message, int start, int end) {
    }

    private final transient List<Problem> problems;

    public CompileException(List<Problem> problems) {
        super(problems.isEmpty() ? "compile error" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
