package dev.coral.core.cli;

import dev.coral.core.error.CoralException;
import dev.coral.core.json.Json;
import dev.coral.core.result.FsckResult;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code coral} command line: parses with {@link CoralCommands}, prints the result record as text
 * ({@link TextRenderer}) or, with {@code --json}, as one JSON document ({@link JsonView}) on stdout.
 *
 * <p>Exit status: 0 success; 1 a user error (a usage error, an unknown ref, an invalid file: anything
 * {@link CoralException#isUserError()} says the user can fix); 2 an internal error, and {@code fsck}
 * finding a problem. Errors go to stderr as one line {@code coral: <message>}; with the environment
 * variable {@code CORAL_DEBUG=1} the stack trace follows. Progress goes to stderr when the launcher says
 * stderr is a terminal ({@code CORAL_STDERR_TTY=1}, set by {@code bin/coral}) or with {@code --progress}.
 *
 * <pre>{@code
 * int status = new CoralCli(System.out, System.err, System.getenv())
 *         .run(Path.of("."), List.of("--json", "stats"));
 * }</pre>
 */
public final class CoralCli {
    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status when the user asked for something wrong. */
    public static final int USER_ERROR = 1;
    /** Exit status of an internal failure (I/O, corruption, a bug). */
    public static final int INTERNAL_ERROR = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    /**
     * @param environment the process environment ({@code CORAL_DEBUG}, {@code CORAL_STDERR_TTY})
     */
    public CoralCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new CoralCli(out, err, System.getenv()).run(Path.of(""), List.of(args));
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line started in {@code workingDir} and returns its exit status. */
    public int run(Path workingDir, List<String> args) {
        try {
            Invocation invocation = CoralCommands.parse(args);
            boolean showProgress = invocation.progressRequested() || "1".equals(environment.get("CORAL_STDERR_TTY"));
            CommandEnvironment env = CommandEnvironment.standalone(FileTensorSource.INSTANCE,
                    showProgress ? new TerminalProgress(err) : Progress.NONE);
            Object result = invocation.execute(workingDir, env);
            if (invocation.json() && !(result instanceof UsageText)) {
                out.println(Json.writePretty(JsonView.of(result)));
            } else {
                out.print(TextRenderer.render(result));
            }
            out.flush();
            return result instanceof FsckResult f && !f.ok() ? INTERNAL_ERROR : OK;
        } catch (CoralException e) {
            report(e.getMessage(), e);
            return e.isUserError() ? USER_ERROR : INTERNAL_ERROR;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            report("internal error: " + e + " (run with CORAL_DEBUG=1 for details)", e);
            return INTERNAL_ERROR;
        }
    }

    private void report(String message, Throwable e) {
        out.flush();
        err.println("coral: " + oneLine(message));
        if ("1".equals(environment.get("CORAL_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
