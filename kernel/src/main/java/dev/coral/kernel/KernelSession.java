package dev.coral.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import dev.coral.kernel.api.CellEvent;
import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.MagicContext;
import dev.coral.kernel.api.Notebook;
import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.display.OutputSink;
import dev.coral.kernel.display.RenderingException;
import dev.coral.kernel.display.StreamRouter;
import dev.coral.kernel.magic.CellParser;
import dev.coral.kernel.magic.CellPlan;
import dev.coral.kernel.magic.MagicAssignments;
import dev.coral.kernel.shell.CodeStoppedException;
import dev.coral.kernel.shell.CompileException;
import dev.coral.kernel.shell.JShellSession;
import dev.coral.kernel.shell.SourcePiece;
import dev.coral.kernel.shell.UserCodeException;
import dev.coral.kernel.shell.UserCodeRunner;

/**
 * A notebook session without any protocol: runs cells (Java and magics) in JShell, routes their
 * output to an {@link OutputSink}, and answers completion, inspection and completeness. The Jupyter
 * kernel is a thin adapter over it; tests drive it directly.
 */
public final class KernelSession implements AutoCloseable {

    private static final Duration INTERRUPT_GRACE = Duration.ofMillis(500);

    private final JShellSession shell;
    private final Extensions extensions = new Extensions();
    private final StreamRouter streams;
    private final CellParser parser;
    private final MagicAssignments magicAssignments;
    private final Context context = new Context();
    private final CodeIntelligence intelligence;
    private volatile OutputSink sink;

    private KernelSession(JShellSession shell, StreamRouter streams) {
        this.shell = shell;
        this.streams = streams;
        this.parser = new CellParser(name -> extensions.lineMagic(name).isPresent(),
                name -> extensions.cellMagic(name).isPresent(), shell::endsAtStatementBoundary);
        this.magicAssignments = new MagicAssignments(shell.loader());
        this.intelligence = new CodeIntelligence(shell, extensions, context, parser);
    }

    /**
     * Starts a session: JShell, the built-in magics, then the extensions of {@code extensionJars}
     * (added to the notebook's class path first) and of the kernel's own class path.
     */
    public static KernelSession start(List<Path> extensionJars) {
        JShellSession shell = JShellSession.start(KernelSession.class.getClassLoader(), INTERRUPT_GRACE);
        KernelSession session = new KernelSession(shell, StreamRouter.install());
        Notebook.bind(session.context);
        session.extensions.install(new BuiltinMagics(session));
        session.importDisplayFunctions();
        session.addToClasspath(extensionJars);
        return session;
    }

    private void importDisplayFunctions() {
        try {
            shell.eval(new SourcePiece("import static " + Notebook.class.getName() + ".display;", 0));
            shell.eval(new SourcePiece("import static " + Notebook.class.getName() + ".updateDisplay;", 0));
        } catch (CompileException | UserCodeException | CodeStoppedException e) {
            throw new IllegalStateException("cannot import the display functions into JShell", e);
        }
    }

    /**
     * Adds jars or class directories to the notebook's class path, then registers the extensions found
     * in them. Returns the class names of the extensions registered; extensions that failed are
     * reported on stderr (of the running cell, or of the first cell when the kernel starts).
     */
    public List<String> addToClasspath(List<Path> locations) {
        locations.forEach(shell::addToClasspath);
        Extensions.Discovery discovery = extensions.discover(shell.loader());
        discovery.failures().forEach(failure -> System.err.println("coral-kernel: " + failure));
        return discovery.registered();
    }

    /** Runs a cell. Output goes to {@code output} while the cell runs (and after, for threads it started). */
    public CellResult execute(String code, int executionCount, OutputSink output) {
        this.sink = output;
        shell.runner().beginCell();
        streams.attach(output);
        notifyListeners(CellListener::beforeCell, new CellEvent(executionCount, code, Optional.empty()));
        Throwable failure = null;
        Optional<Rendering> value = Optional.empty();
        try {
            Optional<Value> result = run(code);
            if (result.isPresent()) {
                value = Optional.of(render(result.get().value()));
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            magicAssignments.forgetUnassigned();
        }
        notifyListeners(CellListener::afterCell, new CellEvent(executionCount, code, Optional.ofNullable(failure)));
        streams.drain();
        return failure == null ? new CellResult.Success(value) : new CellResult.Failure(ErrorReport.of(failure, code));
    }

    /** A cell's value; {@code null} when its last expression evaluated to null. */
    record Value(Object value) {
    }

    /**
     * Runs cell code as part of the running cell: its statements, then its value (empty if it does not
     * end with an expression, or with a magic that returned a value and is not assigned).
     */
    Optional<Value> run(String code) throws Exception {
        CellPlan plan = parser.parse(code);
        if (plan instanceof CellPlan.CellMagicCall call) {
            Object value = runUserCode(() -> extensions.cellMagic(call.name()).orElseThrow()
                    .run(MagicArgs.parse(call.args()), call.body(), context));
            return magicValue(value);
        }
        List<CellPlan.Step> steps = ((CellPlan.Steps) plan).steps();
        Optional<Value> last = Optional.empty();
        for (CellPlan.Step step : steps) {
            last = step instanceof CellPlan.JavaCode java ? runJava(java) : runLineMagic((CellPlan.LineMagicCall) step);
        }
        return last;
    }

    private Optional<Value> runJava(CellPlan.JavaCode java) throws Exception {
        Optional<Value> last = Optional.empty();
        for (SourcePiece piece : shell.split(java.code(), java.offset())) {
            JShellSession.Evaluated evaluated = shell.eval(piece);
            evaluated.warnings().forEach(w -> System.err.println("warning: " + w));
            last = evaluated.hasValue() ? Optional.of(new Value(evaluated.value())) : Optional.empty();
        }
        return last;
    }

    private Optional<Value> runLineMagic(CellPlan.LineMagicCall call) throws Exception {
        MagicArgs args = MagicArgs.parse(call.args());
        Object value = runUserCode(() -> extensions.lineMagic(call.name()).orElseThrow().run(args, context));
        if (!call.isAssigned()) {
            return magicValue(value);
        }
        shell.eval(new SourcePiece(magicAssignments.assignment(call.assignment(), value), call.offset()));
        return Optional.empty();
    }

    /** A magic returns {@code null} for "no value". */
    private static Optional<Value> magicValue(Object value) {
        return value == null ? Optional.empty() : Optional.of(new Value(value));
    }

    private Object runUserCode(Callable<?> code) throws UserCodeException, CodeStoppedException {
        UserCodeRunner.Outcome outcome = shell.runner().run(code);
        if (outcome instanceof UserCodeRunner.Returned returned) {
            return returned.value();
        }
        if (outcome instanceof UserCodeRunner.Threw threw) {
            throw new UserCodeException(threw.exception());
        }
        throw new CodeStoppedException();
    }

    /**
     * Evaluates a Java expression in the session and returns its value; defines nothing.
     *
     * @throws Exception what the expression threw, or an {@link IllegalArgumentException} if it does not compile
     */
    public Object evaluate(String javaExpression) throws Exception {
        return context.evaluate(javaExpression);
    }

    /** Stops the running cell: interrupts it, and stops it if it still runs after a grace period. */
    public void interrupt() {
        shell.runner().interrupt();
    }

    Extensions extensions() {
        return extensions;
    }

    JShellSession shell() {
        return shell;
    }

    /** Completion, inspection and completeness of cell text. */
    public CodeIntelligence intelligence() {
        return intelligence;
    }

    private Rendering render(Object value) {
        try {
            return extensions.renderers().render(value);
        } catch (RenderingException e) {
            System.err.println(e.getMessage());
            return Rendering.text(String.valueOf(value));
        }
    }

    private void notifyListeners(BiConsumer<CellListener, CellEvent> call, CellEvent event) {
        for (CellListener listener : extensions.listeners()) {
            try {
                call.accept(listener, event);
            } catch (RuntimeException e) {
                System.err.println("cell listener " + listener.getClass().getName() + " failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        streams.close();
        shell.close();
    }

    /** What magics and cell code see of the session. */
    private final class Context implements MagicContext {

        @Override
        public Object evaluate(String javaExpression) throws Exception {
            try {
                return shell.evaluateExpression(javaExpression);
            } catch (CompileException e) {
                throw new IllegalArgumentException("cannot evaluate '" + javaExpression + "': " + e.getMessage(), e);
            } catch (UserCodeException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        @Override
        public Optional<Object> variable(String name) {
            try {
                return shell.variable(name);
            } catch (UserCodeException | CodeStoppedException e) {
                throw new IllegalStateException("cannot read variable " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String display(Object value) {
            String id = UUID.randomUUID().toString();
            streams.drain();
            currentSink().display(id, render(value));
            return id;
        }

        @Override
        public void updateDisplay(String displayId, Object value) {
            streams.drain();
            currentSink().updateDisplay(displayId, render(value));
        }

        private OutputSink currentSink() {
            OutputSink s = sink;
            if (s == null) {
                throw new IllegalStateException("no cell has run yet: nothing to display into");
            }
            return s;
        }
    }
}
