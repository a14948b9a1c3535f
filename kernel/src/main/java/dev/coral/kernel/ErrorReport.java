package dev.coral.kernel;

import java.util.ArrayList;
import java.util.List;

import dev.coral.kernel.shell.CodeStoppedException;
import dev.coral.kernel.shell.CompileException;
import dev.coral.kernel.shell.UserCodeException;

/**
 * A failed cell as Jupyter shows it: the error's name, its message, and a traceback.
 *
 * <ul>
 *   <li>user code threw: the exception's class name (as the user wrote it), its message, and its
 *       stack trace up to the user's code (kernel and reflection frames removed), with causes;</li>
 *   <li>a snippet does not compile: {@code CompilationError}, each error with its line and column in
 *       the cell and the offending line marked;</li>
 *   <li>an interrupt stopped the cell: {@code Interrupted}.</li>
 * </ul>
 */
public record ErrorReport(String name, String message, List<String> traceback) {

    private static final String JSHELL_WRAPPER_PREFIX = "REPL.$JShell$";
    /** A deep recursion (StackOverflowError) shows this many frames, then how many more there are. */
    private static final int MAX_FRAMES = 40;

    /** The report of {@code failure}, which happened running {@code cell}. */
    public static ErrorReport of(Throwable failure, String cell) {
        if (failure instanceof UserCodeException user) {
            return ofUserException(user.getCause());
        }
        if (failure instanceof CompileException compile) {
            return ofCompileError(compile, cell);
        }
        if (failure instanceof CodeStoppedException) {
            return new ErrorReport("Interrupted", "the cell was stopped by an interrupt request",
                    List.of("Interrupted: the cell was stopped by an interrupt request"));
        }
        String name = failure.getClass().getSimpleName();
        String message = String.valueOf(failure.getMessage());
        return new ErrorReport(name, message, List.of(name + ": " + message));
    }

    private static ErrorReport ofUserException(Throwable thrown) {
        List<String> traceback = new ArrayList<>();
        String name = userClassName(thrown.getClass());
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        traceback.add(message.isEmpty() ? name : name + ": " + message);
        addFrames(thrown, traceback);
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            traceback.add("Caused by: " + userClassName(cause.getClass())
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            addFrames(cause, traceback);
        }
        return new ErrorReport(name, message, traceback);
    }

    private static void addFrames(Throwable thrown, List<String> traceback) {
        List<StackTraceElement> userFrames = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (isKernelFrame(frame.getClassName())) {
                break;
            }
            userFrames.add(frame);
        }
        int shown = Math.min(userFrames.size(), MAX_FRAMES);
        for (StackTraceElement frame : userFrames.subList(0, shown)) {
            traceback.add("    at " + describe(frame));
        }
        if (shown < userFrames.size()) {
            traceback.add("    ... " + (userFrames.size() - shown) + " more");
        }
    }

    /** The first frame of these belongs to the kernel's call of the user's code: the trace ends there. */
    private static boolean isKernelFrame(String className) {
        return className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.reflect.")
                || className.startsWith("dev.coral.kernel.shell.")
                || className.startsWith("dev.coral.kernel.KernelSession");
    }

    private static String describe(StackTraceElement frame) {
        String className = frame.getClassName();
        if (!className.startsWith(JSHELL_WRAPPER_PREFIX)) {
            return frame.toString();
        }
        // REPL.$JShell$12$Point.norm -> Point.norm; REPL.$JShell$13.do_it$ -> the cell's statement
        int nested = className.indexOf('$', JSHELL_WRAPPER_PREFIX.length());
        String owner = nested < 0 ? "" : className.substring(nested + 1).replace('$', '.') + ".";
        String method = frame.getMethodName().equals("do_it$") || frame.getMethodName().startsWith("lambda$do_it$")
                ? "<cell>" : frame.getMethodName();
        // JShell's line numbers count lines of its generated wrapper, not of the cell: leave them out.
        return owner + method + " (notebook code)";
    }

    /** The name a user knows a class by: cell classes without JShell's wrapper. */
    static String userClassName(Class<?> type) {
        String name = type.getName();
        if (name.startsWith(JSHELL_WRAPPER_PREFIX)) {
            int nested = name.indexOf('$', JSHELL_WRAPPER_PREFIX.length());
            return nested < 0 ? name : name.substring(nested + 1).replace('$', '.');
        }
        return name;
    }

    private static ErrorReport ofCompileError(CompileException error, String cell) {
        List<String> traceback = new ArrayList<>();
        for (CompileException.Problem problem : error.problems()) {
            Place place = Place.of(cell, problem.start());
            int width = Math.max(1, Math.min(problem.end() - problem.start(), place.text().length() - place.column() + 1));
            traceback.add(place + ": " + problem.message());
            traceback.add("    " + place.text());
            traceback.add("    " + " ".repeat(place.column() - 1) + "^" + "~".repeat(width - 1));
        }
        CompileException.Problem first = error.problems().get(0);
        return new ErrorReport("CompilationError", Place.of(cell, first.start()) + ": " + first.message(), traceback);
    }

    /** A 1-based line and column in a cell, with the text of that line. */
    private record Place(int line, int column, String text) {

        static Place of(String cell, int offset) {
            int at = Math.max(0, Math.min(offset, cell.length()));
            int lineStart = at == 0 ? 0 : cell.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = cell.indexOf('\n', lineStart);
            int line = (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
            return new Place(line, at - lineStart + 1, cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd));
        }

        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }
}
