package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.MagicContext;
import dev.coral.kernel.display.RecordingOutputSink;

/** Completion, inspection and is-complete on cells mixing Java and magics. */
class CodeIntelligenceTest {

    private static KernelSession session;
    private static CodeIntelligence intelligence;

    @BeforeAll
    static void start() {
        session = KernelSession.start(List.of());
        session.extensions().addLineMagic("coral", new LineMagic() {
            @Override
            public Object run(MagicArgs args, MagicContext context) {
                return null;
            }

            @Override
            public List<String> complete(String argsBeforeCursor, MagicContext context) {
                String word = argsBeforeCursor.substring(argsBeforeCursor.lastIndexOf(' ') + 1);
                return List.of("commit", "checkout", "diff").stream().filter(v -> v.startsWith(word)).toList();
            }
        });
        session.execute("int counter = 1;\nString greeting = \"hi\";", 1, new RecordingOutputSink());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void completesJavaInTheStatementUnderTheCursor() {
        String cell = "int x = 1;\ngreeting.toUpp";
        CodeIntelligence.Completion c = session.intelligence().complete(cell, cell.length());
        assertTrue(c.matches().contains("toUpperCase("), c.matches().toString());
        assertEquals(cell.length() - "toUpp".length(), c.start());
        assertEquals(cell.length(), c.end());
    }

    @Test
    void completesSessionVariables() {
        CodeIntelligence.Completion c = session.intelligence().complete("coun", 4);
        assertEquals(List.of("counter"), c.matches());
        assertEquals(0, c.start());
    }

    @Test
    void completesMagicNamesAndAMagicsOwnArguments() {
        assertEquals(List.of("%time"), session.intelligence().complete("%ti", 3).matches());
        CodeIntelligence.Completion cell = session.intelligence().complete("%%ht", 4);
        assertEquals(List.of("%%html"), cell.matches());
        assertEquals(0, cell.start());
        String line = "int a = 1;\n%coral c";
        CodeIntelligence.Completion verbs = session.intelligence().complete(line, line.length());
        assertEquals(List.of("commit", "checkout"), verbs.matches());
        assertEquals(line.length() - 1, verbs.start());
    }

    @Test
    void inspectsTheMethodUnderTheCursor() {
        String cell = "Math.max";
        String doc = session.intelligence().inspect(cell, 6).orElseThrow();
        assertTrue(doc.contains("max(int a, int b)") || doc.contains("max(int,int)") || doc.contains("int max("), doc);
        assertTrue(session.intelligence().inspect("   ", 1).isEmpty());
    }

    @Test
    void tellsWhetherACellIsComplete() {
        CodeIntelligence ci = session.intelligence();
        assertEquals("complete", ci.isComplete("int y = 2;"));
        assertEquals("complete", ci.isComplete("1 + 1"));
        assertEquals("    ", ci.isComplete("void f() {"));
        assertEquals("        ", ci.isComplete("void g() {\n    if (true) {"));
        assertEquals("", ci.isComplete("int z ="));
        assertEquals("complete", ci.isComplete("%%html"));
        assertEquals("complete", ci.isComplete("int q = 1;\n%time q"));
        assertEquals("invalid", ci.isComplete("%nosuch"));
    }
}
