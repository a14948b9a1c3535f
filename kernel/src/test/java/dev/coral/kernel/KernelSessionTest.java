package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.coral.kernel.api.CellEvent;
import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.MagicOptions;
import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.display.RecordingOutputSink;

/** A kernel session without sockets: cells, output, errors, interrupts, magics, renderers, hooks. */
public class KernelSessionTest {

    /** A type the notebook sees through the class path, rendered by a renderer registered below. */
    public record Temperature(double celsius) {
        public double kelvin() {
            return celsius + 273.15;
        }
    }

    /** Released by the test's sink when a running cell's print reaches it. */
    public static final CountDownLatch STREAMED = new CountDownLatch(1);

    private static KernelSession session;
    private static int count;

    @BeforeAll
    static void start() {
        session = KernelSession.start(List.of());
        CellResult imported = run("import dev.coral.kernel.KernelSessionTest.Temperature;");
        assertInstanceOf(CellResult.Success.class, imported, imported::toString);
        Extensions registry = session.extensions();
        registry.addRenderer(Temperature.class, t -> Rendering.html("<b>" + t.celsius() + " °C</b>"));
        registry.addLineMagic("names", (args, context) -> new ArrayList<>(args.tokens()));
        registry.addLineMagic("frozen", (args, context) -> List.copyOf(args.tokens()));
        registry.addLineMagic("temperature", (args, context) -> new Temperature(Double.parseDouble(args.line())));
        registry.addLineMagic("peek", (args, context) -> context.variable(args.line()).orElse("no such variable"));
        registry.addLineMagic("twice", (args, context) -> context.evaluate(args.line() + " * 2"));
        registry.addLineMagic("echo", (args, context) -> {
            MagicOptions o = args.options("m", "message");
            return "m=" + o.value("m", "message").orElse("-") + " long=" + o.value("long").orElse("-")
                    + " flag=" + o.has("flag") + " positionals=" + o.positionals();
        });
        registry.addLineMagic("progress", (args, context) -> {
            String id = context.display("0 of 2");
            context.updateDisplay(id, "1 of 2");
            context.out().println("working");
            context.updateDisplay(id, "2 of 2");
            return null;
        });
        registry.addCellMagic("upper", (args, body, context) -> body.toUpperCase());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    static CellResult run(String code, RecordingOutputSink sink) {
        return session.execute(code, ++count, sink);
    }

    static CellResult run(String code) {
        return run(code, new RecordingOutputSink());
    }

    static Optional<Rendering> rendering(String code) {
        CellResult result = run(code);
        return assertInstanceOf(CellResult.Success.class, result, result::toString).value();
    }

    static String value(String code) {
        return rendering(code).map(r -> r.data().get(Rendering.TEXT)).orElse(null);
    }

    static ErrorReport error(String code) {
        CellResult result = run(code);
        return assertInstanceOf(CellResult.Failure.class, result, result::toString).error();
    }

    @Test
    void lastExpressionOfAManyStatementCellIsItsValue() {
        assertEquals("42", value("int a = 40;\nint b = 2;\na + b"));
        assertEquals(null, value("int c = 1;"));
        assertEquals("true", value("java.util.List<Integer> li = new java.util.ArrayList<>();\nli.add(1)"));
        assertEquals(null, value("System.out.print(\"\")"));
        assertEquals("[x]", value("new String[] {\"x\"}"));
        assertEquals("null", value("String nothing = null;\nnothing"));
    }

    @Test
    void classesMethodsAndImportsLiveAcrossCells() {
        assertEquals("[1, 2, 3]", value("""
                import java.util.*;
                record P(int x) { int twice() { return 2 * x; } }
                int sum(List<Integer> l) { return l.stream().mapToInt(i -> i).sum(); }
                List<Integer> l = new ArrayList<>(List.of(1, 2, 3));
                l"""));
        assertEquals("6", value("new P(3).twice()"));
        assertEquals("6", value("sum(l)"));
    }

    @Test
    void stdoutAndStderrStreamAlsoFromThreadsTheCellStarts() {
        RecordingOutputSink sink = new RecordingOutputSink();
        CellResult result = run("""
                System.out.println("hello");
                System.err.print("oops");
                Thread t = new Thread(() -> System.out.println("from a thread"));
                t.start();
                t.join();""", sink);
        assertEquals(new CellResult.Success(Optional.empty()), result);
        assertEquals("hello\nfrom a thread\n", sink.text("stdout"));
        assertEquals("oops", sink.text("stderr"));
    }

    @Test
    void outputStreamsWhileTheCellStillRuns() {
        RecordingOutputSink sink = new RecordingOutputSink() {
            @Override
            public void stream(String stream, String text) {
                super.stream(stream, text);
                if (text.contains("ping")) {
                    STREAMED.countDown();
                }
            }
        };
        CellResult result = run("System.out.println(\"ping\");\n"
                + "dev.coral.kernel.KernelSessionTest.STREAMED.await(30, java.util.concurrent.TimeUnit.SECONDS)", sink);
        assertEquals("true", assertInstanceOf(CellResult.Success.class, result).value().orElseThrow().data().get(Rendering.TEXT));
    }

    @Test
    void readingStdinEndsAtOnce() {
        assertEquals("-1", value("System.in.read()"));
    }

    @Test
    void displayAndUpdateDisplayKeepTheirOrderWithPrints() {
        RecordingOutputSink sink = new RecordingOutputSink();
        run("System.out.println(\"before\");\nString id = display(\"first\");\nupdateDisplay(id, new int[] {1, 2});", sink);
        List<RecordingOutputSink.Output> events = sink.outputs();
        assertEquals(List.of("stdout", "display", "update"), events.stream().map(RecordingOutputSink.Output::kind).toList());
        assertEquals(events.get(1).displayId(), events.get(2).displayId());
        assertEquals("first", events.get(1).rendering().data().get(Rendering.TEXT));
        assertEquals("[1, 2]", events.get(2).rendering().data().get(Rendering.TEXT));
    }

    @Test
    void userExceptionIsNamedWithAStackTrimmedToUserCode() {
        ErrorReport error = error("""
                class BadInput extends RuntimeException { BadInput(String m, Throwable c) { super(m, c); } }
                int parse(String s) {
                    try { return Integer.parseInt(s); }
                    catch (NumberFormatException e) { throw new BadInput("not a number: " + s, e); }
                }
                parse("x")""");
        assertEquals("BadInput", error.name());
        assertEquals("not a number: x", error.message());
        String trace = String.join("\n", error.traceback());
        assertTrue(trace.startsWith("BadInput: not a number: x\n    at parse (notebook code)\n    at <cell> (notebook code)\n"), trace);
        assertTrue(trace.contains("Caused by: java.lang.NumberFormatException: For input string: \"x\""), trace);
        assertFalse(trace.contains("reflect"), trace);
        assertFalse(trace.contains("dev.coral.kernel"), trace);
    }

    @Test
    void deepRecursionShowsAShortenedTrace() {
        ErrorReport error = error("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertEquals("java.lang.StackOverflowError", error.name());
        assertTrue(error.traceback().size() < 50, "trace of " + error.traceback().size() + " lines");
        assertTrue(error.traceback().get(error.traceback().size() - 1).matches("    \\.\\.\\. \\d+ more"),
                error.traceback().toString());
    }

    @Test
    void jdkExceptionKeepsItsFullName() {
        ErrorReport error = error("int f(int x) { return 10 / x; }\nf(0)");
        assertEquals("java.lang.ArithmeticException", error.name());
        assertEquals("/ by zero", error.message());
    }

    @Test
    void compileErrorHasLineColumnAndTheOffendingLine() {
        ErrorReport error = error("int ok = 1;\nint bad = \"text\";");
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().startsWith("line 2, column 11: incompatible types"), error.message());
        assertEquals("    int bad = \"text\";", error.traceback().get(1));
        assertEquals("              ^~~~~~", error.traceback().get(2));
    }

    @Test
    void statementsBeforeAFailureHaveRun() {
        error("int before = 7;\nint after = before / 0;");
        assertEquals("7", value("before"));
    }

    @Test
    void interruptStopsABusyLoopAndTheKernelStaysUsable() throws Exception {
        CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> run("long n = 0;\nwhile (true) { n++; }"));
        awaitBusy();
        session.interrupt();
        CellResult result = cell.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", assertInstanceOf(CellResult.Failure.class, result).error().name());
        assertEquals("2", value("1 + 1"));
    }

    @Test
    void interruptStopsASleep() throws Exception {
        CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> run("Thread.sleep(60_000);"));
        awaitBusy();
        session.interrupt();
        CellResult result = cell.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", assertInstanceOf(CellResult.Failure.class, result).error().name());
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void interruptStopsAMagicRunningALoop() throws Exception {
        CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> run("%time while (true) {}"));
        awaitBusy();
        session.interrupt();
        assertInstanceOf(CellResult.Failure.class, cell.get(10, TimeUnit.SECONDS));
        assertEquals("4", value("2 + 2"));
    }

    private static void awaitBusy() throws InterruptedException {
        for (int i = 0; i < 500 && !session.shell().runner().isBusy(); i++) {
            Thread.sleep(10);
        }
        assertTrue(session.shell().runner().isBusy(), "the cell never started");
        Thread.sleep(100);
    }

    @Test
    void magicResultKeepsItsStaticType() {
        run("var names = %names b a");
        assertEquals("3", value("names.add(\"c\");\nnames.size()"));
        run("var frozen = %frozen x y;");
        assertEquals("x", value("frozen.get(0)"));
        run("Temperature t = %temperature 21.5");
        assertEquals("294.65", value("t.kelvin()"));
    }

    @Test
    void magicSeesTheVariablesOfEarlierStatementsOfItsCell() {
        assertEquals("5", value("int q = 5;\n%peek q"));
        assertEquals("no such variable", value("%peek nothing"));
        assertEquals("10", value("%twice q"));
    }

    @Test
    void magicArgumentsAreGitStyle() {
        assertEquals("m=a message long=value flag=true positionals=[pos, x y]",
                value("%echo -m \"a message\" --long=value --flag pos 'x y'"));
    }

    @Test
    void magicDisplaysAndUpdatesInPlace() {
        RecordingOutputSink sink = new RecordingOutputSink();
        run("%progress", sink);
        assertEquals(List.of("display", "update", "stdout", "update"),
                sink.outputs().stream().map(RecordingOutputSink.Output::kind).toList());
    }

    @Test
    void percentContinuingAnExpressionStaysJava() {
        assertEquals("1", value("int time = 3;\nint r = 10\n%time;\nr"));
    }

    @Test
    void unknownMagicIsNamed() {
        assertEquals("UnknownMagicException", error("%nosuch").name());
    }

    @Test
    void cellMagicWithAnEmptyBodyRuns() {
        assertEquals("", value("%%upper"));
        assertEquals("AB\nC", value("%%upper\nab\nc"));
    }

    @Test
    void builtinTimeReturnsTheValueAndPrintsTheWallTime() {
        RecordingOutputSink sink = new RecordingOutputSink();
        CellResult result = run("var total = %time java.util.stream.IntStream.rangeClosed(1, 100).sum()\ntotal", sink);
        assertEquals("5050", ((CellResult.Success) result).value().orElseThrow().data().get(Rendering.TEXT));
        assertTrue(sink.text("stdout").startsWith("Wall time: "), sink.text("stdout"));
        RecordingOutputSink cellSink = new RecordingOutputSink();
        run("%%time\nint z = 2;\nz * 3", cellSink);
        assertTrue(cellSink.text("stdout").startsWith("Wall time: "));
    }

    @Test
    void builtinHtmlMarkdownAndLsmagic() {
        assertEquals("<p>hi</p>", rendering("%%html\n<p>hi</p>").orElseThrow().data().get(Rendering.HTML));
        assertEquals("# Title", rendering("%%markdown\n# Title").orElseThrow().data().get(Rendering.MARKDOWN));
        String list = value("%lsmagic");
        for (String magic : List.of("%classpath", "%jars", "%time", "%load", "%lsmagic", "%%time", "%%html", "%%markdown")) {
            assertTrue(list.contains(magic), list);
        }
    }

    @Test
    void builtinLoadRunsAScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("setup.jsh");
        Files.writeString(script, "int loaded = 41;\nint next() { return loaded + 1; }\n");
        run("%load " + script);
        assertEquals("42", value("next()"));
        ErrorReport missing = error("%load " + dir.resolve("missing.jsh"));
        assertEquals("java.lang.IllegalArgumentException", missing.name());
        assertTrue(missing.message().startsWith("no such file: "), missing.message());
    }

    @Test
    void renderersApplyByType() {
        Rendering r = rendering("new Temperature(20)").orElseThrow();
        assertEquals("<b>20.0 °C</b>", r.data().get(Rendering.HTML));
        assertEquals("Temperature[celsius=20.0]", r.data().get(Rendering.TEXT));
    }

    @Test
    void cellListenersSeeEveryCellAndItsFailure() {
        List<String> seen = new ArrayList<>();
        session.extensions().addCellListener(new CellListener() {
            @Override
            public void beforeCell(CellEvent event) {
                seen.add("before " + event.code());
            }

            @Override
            public void afterCell(CellEvent event) {
                seen.add("after " + event.code() + " " + event.failure().map(f -> "failed").orElse("ok"));
            }
        });
        run("int listened = 1;");
        run("listened / 0");
        assertEquals(List.of("before int listened = 1;", "after int listened = 1; ok",
                "before listened / 0", "after listened / 0 failed"), seen.subList(0, 4));
    }
}
