package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.Rendering;

class KernelSessionTest {

    private static KernelSession session;
    private static int count;

    @BeforeAll
    static void start() {
        session = KernelSession.start(List.of());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    static CellResult run(String code, RecordingSink sink) {
        return session.execute(code, ++count, sink);
    }

    static String value(String code) {
        CellResult result = run(code, new RecordingSink());
        CellResult.Success success = assertInstanceOf(CellResult.Success.class, result, () -> result.toString());
        return success.value().map(r -> r.data().get(Rendering.TEXT)).orElse(null);
    }

    @Test
    void lastExpressionOfAManyStatementCellIsItsValue() {
        assertEquals("42", value("int a = 40;\nint b = 2;\na + b"));
    }

    @Test
    void classesMethodsAndImportsWork() {
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
    void statementsHaveNoValueAndStdoutStreams() {
        RecordingSink sink = new RecordingSink();
        CellResult result = run("System.out.println(\"hello\");\nSystem.err.print(\"oops\");", sink);
        assertEquals(new CellResult.Success(java.util.Optional.empty()), result);
        assertEquals("hello\n", sink.text("stdout"));
        assertEquals("oops", sink.text("stderr"));
    }

    @Test
    void userExceptionIsNamedWithItsStack() {
        CellResult result = run("int f(int x) { return 10 / x; }\nf(0)", new RecordingSink());
        ErrorReport error = assertInstanceOf(CellResult.Failure.class, result).error();
        assertEquals("java.lang.ArithmeticException", error.name());
        assertEquals("/ by zero", error.message());
        System.out.println(error.traceback());
    }

    @Test
    void compileErrorHasLineAndColumn() {
        CellResult result = run("int ok = 1;\nint bad = \"text\";", new RecordingSink());
        ErrorReport error = assertInstanceOf(CellResult.Failure.class, result).error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().startsWith("line 2, column 11"), error.message());
        System.out.println(error.traceback());
    }
}
