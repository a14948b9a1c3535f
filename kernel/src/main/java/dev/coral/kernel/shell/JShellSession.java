package dev.coral.kernel.shell;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell running in this JVM: evaluates snippets, splits cells into snippets, and answers the
 * questions of completion, documentation and completeness. Snippet classes are loaded by a
 * {@link SnippetClassLoader} whose parent is the kernel's loader; values come back as objects.
 */
public final class JShellSession implements AutoCloseable {

    /** The outcome of one snippet: its value, if it is an expression. */
    public record Evaluated(boolean hasValue, Object value, List<String> warnings) {
    }

    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private final RawValueExecutionControl control;
    private final SnippetClassLoader loader;
    private final UserCodeRunner runner;

    private JShellSession(ClassLoader kernelLoader, Duration interruptGrace, PrintStream out, PrintStream err) {
        this.loader = new SnippetClassLoader(kernelLoader);
        this.runner = new UserCodeRunner(interruptGrace, loader);
        this.control = new RawValueExecutionControl(new SnippetLoaderDelegate(loader), runner);
        this.jshell = JShell.builder()
                .in(new ByteArrayInputStream(new byte[0]))
                .out(out)
                .err(err)
                .executionEngine(new InThisJvm(control), Map.of())
                .build();
        this.analysis = jshell.sourceCodeAnalysis();
    }

    /**
     * Starts a session whose snippets see the kernel's class path.
     *
     * @param kernelLoader the parent of the notebook's class loader
     * @param interruptGrace how long an interrupted snippet may run on before it is stopped
     */
    public static JShellSession start(ClassLoader kernelLoader, Duration interruptGrace) {
        return new JShellSession(kernelLoader, interruptGrace, System.out, System.err);
    }

    /** The loader of the notebook's classes and jars. */
    public SnippetClassLoader loader() {
        return loader;
    }

    /** The runner of the notebook's code, for magics and interrupts. */
    public UserCodeRunner runner() {
        return runner;
    }

    /**
     * Evaluates one complete snippet.
     *
     * @param piece the snippet and its place in the cell (for error positions)
     */
    public Evaluated eval(SourcePiece piece) throws CompileException, UserCodeException, CodeStoppedException {
        if (piece.mayBeExpression()) {
            Optional<Evaluated> captured = evalCaptured(piece);
            if (captured.isPresent()) {
                return captured.get();
            }
        }
        return evalAsWritten(piece);
    }

    /**
     * Evaluates a bare expression as {@code ValueCapture.capture(() -> expression);}; empty when that
     * does not compile (the source is not an expression after all), leaving the session unchanged.
     */
    private Optional<Evaluated> evalCaptured(SourcePiece piece) throws UserCodeException, CodeStoppedException {
        ValueCapture.reset();
        control.forgetLastRun();
        List<SnippetEvent> events = jshell.eval(ValueCapture.wrap(piece.source()));
        if (control.wasStopped()) {
            throw new CodeStoppedException();
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.status() == Snippet.Status.REJECTED) {
                return Optional.empty();
            }
            if (event.causeSnippet() == null && event.exception() != null) {
                throwFailure(event.exception());
            }
        }
        boolean hasValue = ValueCapture.hasValue();
        return Optional.of(new Evaluated(hasValue, ValueCapture.take(), List.of()));
    }

    private Evaluated evalAsWritten(SourcePiece piece) throws CompileException, UserCodeException, CodeStoppedException {
        control.forgetLastRun();
        List<SnippetEvent> events = jshell.eval(piece.source());
        if (control.wasStopped()) {
            throw new CodeStoppedException();
        }
        List<String> warnings = new ArrayList<>();
        Evaluated result = new Evaluated(false, null, warnings);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, piece);
            }
            if (event.exception() != null) {
                throwFailure(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                warnings.add(unresolvedWarning(snippet));
            }
            if (isValueSnippet(snippet)) {
                result = new Evaluated(true, control.lastValue(), warnings);
            }
        }
        return result;
    }

    /**
     * Evaluates a Java expression and returns its value ({@code null} for a void call), defining
     * nothing in the session: the expression is evaluated through {@link ValueCapture}.
     */
    public Object evaluateExpression(String expression) throws CompileException, UserCodeException, CodeStoppedException {
        ValueCapture.reset();
        evalAsWritten(new SourcePiece(ValueCapture.wrap(expression), 0));
        return ValueCapture.take();
    }

    /** The current value of the variable {@code name}, or empty if the session has none of that name. */
    public Optional<Object> variable(String name) throws UserCodeException, CodeStoppedException {
        boolean defined = jshell.variables()
                .anyMatch(v -> v.name().equals(name) && jshell.status(v).isActive());
        if (!defined) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(evaluateExpression(name));
        } catch (CompileException e) {
            return Optional.empty();
        }
    }

    /**
     * Splits source text into complete snippets. An unfinished tail is returned as a last piece, for
     * JShell to report its error.
     */
    public List<SourcePiece> split(String code, int offset) {
        List<SourcePiece> pieces = new ArrayList<>();
        String rest = code;
        int consumed = 0;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            int start = offset + consumed + leadingBlanks(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                pieces.add(new SourcePiece(rest.strip(), start));
                break;
            }
            boolean bare = info.completeness() == Completeness.COMPLETE && !isExplicitlyEnded(info.source());
            pieces.add(new SourcePiece(info.source().strip(), start, bare));
            consumed += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return pieces;
    }

    /**
     * Whether {@code code} ends exactly where a new statement may start: every snippet in it is
     * complete and the last one explicitly ended with {@code ;} or {@code }}, so a next line beginning
     * with {@code %} cannot continue an expression ({@code x} then {@code %n} is {@code x % n}).
     */
    public boolean endsAtStatementBoundary(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                return true;
            }
            if (info.completeness() != Completeness.COMPLETE) {
                return false;
            }
            if (info.remaining().isBlank()) {
                return isExplicitlyEnded(info.source());
            }
            rest = info.remaining();
        }
        return true;
    }

    /**
     * Where the statement being written at the end of {@code code} starts: after the last snippet
     * explicitly ended with {@code ;} or {@code }}.
     */
    public int currentStatementStart(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            boolean ended = info.completeness() == Completeness.COMPLETE
                    && (!info.remaining().isBlank() || isExplicitlyEnded(info.source()));
            if (!ended) {
                break;
            }
            rest = info.remaining();
        }
        return code.length() - rest.length() + leadingBlanks(rest);
    }

    private static boolean isExplicitlyEnded(String snippet) {
        String text = snippet.stripTrailing();
        int lastLine = text.lastIndexOf('\n') + 1;
        int comment = text.indexOf("//", lastLine);
        if (comment >= 0) {
            text = text.substring(0, comment).stripTrailing();
        }
        return text.endsWith(";") || text.endsWith("}");
    }

    /** The completeness of the last snippet of {@code code}. */
    public Completeness completeness(String code) {
        String rest = code;
        Completeness last = Completeness.EMPTY;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            last = info.completeness();
            if (!last.isComplete()) {
                return last;
            }
            rest = info.remaining();
        }
        return last;
    }

    /**
     * Completion candidates at {@code cursor} in one statement.
     *
     * @return the candidates and where the text they replace starts
     */
    public Completions complete(String statement, int cursor) {
        int[] anchor = new int[1];
        List<String> candidates = analysis.completionSuggestions(statement, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completions(candidates, anchor[0]);
    }

    /** Candidates replacing the text from {@code anchor} to the cursor. */
    public record Completions(List<String> candidates, int anchor) {
    }

    /** Signatures and Javadoc of what is at {@code cursor} in one statement. */
    public List<SourceCodeAnalysis.Documentation> documentation(String statement, int cursor) {
        return analysis.documentation(statement, cursor, true);
    }

    /** Adds a jar or class directory to the compiler's and the loader's class path. */
    public void addToClasspath(Path jarOrDirectory) {
        jshell.addToClasspath(jarOrDirectory.toAbsolutePath().toString());
    }

    @Override
    public void close() {
        jshell.close();
    }

    private static boolean isValueSnippet(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || (snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private void throwFailure(JShellException exception) throws UserCodeException {
        if (exception instanceof EvalException && control.lastFailure() != null) {
            throw new UserCodeException(control.lastFailure());
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            throw new UserCodeException(new IllegalStateException(unresolvedWarning(unresolved.getSnippet())));
        }
        throw new UserCodeException(exception);
    }

    private String unresolvedWarning(Snippet snippet) {
        String what = jshell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                .collect(java.util.stream.Collectors.joining(", "));
        return "'" + ((jdk.jshell.DeclarationSnippet) snippet).name() + "' cannot be used until "
                + (what.isEmpty() ? "its errors are fixed" : what + " is declared");
    }

    private CompileException compileError(Snippet snippet, SourcePiece piece) {
        List<CompileException.Problem> problems = new ArrayList<>();
        int lead = leadingBlanks(piece.source());
        jshell.diagnostics(snippet).filter(Diag::isError).forEach(d -> problems.add(new CompileException.Problem(
                d.getMessage(Locale.ROOT),
                piece.offset() + (int) Math.max(0, d.getStartPosition() - lead),
                piece.offset() + (int) Math.max(0, d.getEndPosition() - lead))));
        if (problems.isEmpty()) {
            problems.add(new CompileException.Problem("cannot compile this snippet", piece.offset(),
                    piece.offset() + piece.source().length()));
        }
        return new CompileException(problems);
    }

    private static int leadingBlanks(String text) {
        return text.length() - text.stripLeading().length();
    }

    /** Provides the one execution control of this session to JShell. */
    private record InThisJvm(ExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "coral-in-jvm";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
