package dev.coral.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private final CellHistory history = new CellHistory();

    CellHistoryTest() {
        history.record(1, "int a = 1;");
        history.record(2, "a + 1");
        history.record(3, "int a = 1;");
        history.record(4, "a * 2");
    }

    private static List<Integer> lines(List<CellHistory.Entry> entries) {
        return entries.stream().map(CellHistory.Entry::line).toList();
    }

    @Test
    void tailGivesTheLastCellsOldestFirst() {
        assertEquals(List.of(3, 4), lines(history.tail(2, false)));
        assertEquals(List.of(1, 2, 3, 4), lines(history.tail(0, false)));
        assertEquals(List.of(2, 3, 4), lines(history.tail(10, true)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(2, 3), lines(history.range(2, 4)));
        assertEquals(List.of(3, 4), lines(history.range(3, 0)));
    }

    @Test
    void searchMatchesAGlob() {
        assertEquals(List.of(2, 4), lines(history.search("a ? *", 0, false)));
        assertEquals(List.of(3), lines(history.search("int*", 1, true)));
        assertEquals(List.of(), lines(history.search("a.*", 0, false)));
    }
}
