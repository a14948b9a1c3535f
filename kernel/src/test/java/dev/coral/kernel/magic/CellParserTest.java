package dev.coral.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CellParserTest {

    /** A boundary check good enough for these cells: Java ends a statement with ; or }. */
    private final CellParser parser = new CellParser(Set.of("time", "coral")::contains, Set.of("html", "time")::contains,
            java -> java.isBlank() || java.strip().endsWith(";") || java.strip().endsWith("}"));

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() throws Exception {
        CellPlan.CellMagicCall call = assertInstanceOf(CellPlan.CellMagicCall.class, parser.parse("%%html --x\n<b>1</b>\n<i>2</i>"));
        assertEquals(new CellPlan.CellMagicCall("html", "--x", "<b>1</b>\n<i>2</i>"), call);
    }

    @Test
    void cellMagicMayHaveAnEmptyBody() throws Exception {
        assertEquals(new CellPlan.CellMagicCall("time", "", ""), parser.parse("%%time"));
        assertEquals(new CellPlan.CellMagicCall("time", "", ""), parser.parse("\n  %%time\n"));
    }

    @Test
    void lineMagicsSplitTheJava() throws Exception {
        CellPlan.Steps plan = assertInstanceOf(CellPlan.Steps.class,
                parser.parse("int a = 1;\n%time a + 1;\nvar d = %coral diff a b;\nd"));
        assertEquals(List.of(
                new CellPlan.JavaCode("int a = 1;\n", 0),
                new CellPlan.LineMagicCall("time", "a + 1", "", 11),
                new CellPlan.LineMagicCall("coral", "diff a b", "var d =", 24),
                new CellPlan.JavaCode("d", 49)), plan.steps());
    }

    @Test
    void typedAndPlainAssignmentsTakeAMagic() throws Exception {
        CellPlan.Steps plan = (CellPlan.Steps) parser.parse(
                "java.util.Map<String, Integer> m = %coral stats\nfinal Object o = %coral log\nx = %coral show");
        assertEquals(List.of("java.util.Map<String, Integer> m =", "final Object o =", "x ="),
                plan.steps().stream().map(s -> ((CellPlan.LineMagicCall) s).assignment()).toList());
    }

    @Test
    void percentContinuingAnExpressionIsJava() throws Exception {
        String cell = "int r = 10\n%time;\nr";
        assertEquals(List.of(new CellPlan.JavaCode(cell, 0)), ((CellPlan.Steps) parser.parse(cell)).steps());
    }

    @Test
    void unknownMagicAtStatementStartIsNamed() {
        UnknownMagicException line = assertThrows(UnknownMagicException.class, () -> parser.parse("%nosuch 1"));
        assertEquals("unknown line magic %nosuch; %lsmagic lists the magics this kernel has", line.getMessage());
        assertThrows(UnknownMagicException.class, () -> parser.parse("%%nosuch\nbody"));
    }
}
