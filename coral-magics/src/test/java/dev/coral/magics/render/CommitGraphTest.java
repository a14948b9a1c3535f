package dev.coral.magics.render;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.LogEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommitGraphTest {

    @Test
    void linearHistoryIsOneLane() {
        List<LogEntry> log = List.of(entry(3, 2), entry(2, 1), entry(1));
        List<CommitGraph.Row> rows = CommitGraph.layout(log);
        rows.forEach(r -> assertEquals(0, r.column()));
        assertEquals(List.of(new CommitGraph.Segment(0, 0)), rows.get(1).upper());
        assertEquals(List.of(), rows.get(2).lower());
    }

    @Test
    void mergeForksASecondLaneThatJoinsAtTheCommonAncestor() {
        // 4 = merge(3, 2); 3 -> 1; 2 -> 1
        List<LogEntry> log = List.of(entry(4, 3, 2), entry(3, 1), entry(2, 1), entry(1));
        List<CommitGraph.Row> rows = CommitGraph.layout(log);
        assertEquals(List.of(0, 0, 1, 0), rows.stream().map(CommitGraph.Row::column).toList());
        assertEquals(List.of(new CommitGraph.Segment(0, 0), new CommitGraph.Segment(0, 1)), rows.get(0).lower());
        assertEquals(List.of(new CommitGraph.Segment(0, 0), new CommitGraph.Segment(1, 0)), rows.get(3).upper());
    }

    @Test
    void twoBranchTipsGetTwoLanes() {
        // 3 and 2 both have parent 1 (log of all branches)
        List<LogEntry> log = List.of(entry(3, 1), entry(2, 1), entry(1));
        List<CommitGraph.Row> rows = CommitGraph.layout(log);
        assertEquals(List.of(0, 1, 0), rows.stream().map(CommitGraph.Row::column).toList());
        assertEquals(List.of(), rows.get(1).upper().stream().filter(s -> s.toColumn() == 1 && s.fromColumn() == 1).toList(),
                "a new tip has no line above it");
    }

    private static LogEntry entry(int id, int... parents) {
        CommitInfo c = new CommitInfo(id(id), id(100), Arrays.stream(parents).mapToObj(CommitGraphTest::id).toList(),
                "ann", Instant.EPOCH, "c" + id, Map.of());
        return new LogEntry(c, List.of(), List.of(), false);
    }

    private static ObjectId id(int n) {
        byte[] b = new byte[32];
        b[5] = (byte) n;
        return ObjectId.fromBytes(b);
    }
}
