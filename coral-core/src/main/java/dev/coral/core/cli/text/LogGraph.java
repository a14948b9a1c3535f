package dev.coral.core.cli.text;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.LogEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Draws a log as a graph in the style of {@code git log --graph}: one lane per line of history that is
 * still open, {@code *} for a commit, {@code |\} where a merge opens a lane for its other parents and
 * {@code |/} where two lanes reach the same commit.
 *
 * <pre>{@code
 * * 8f0c5a739174 merge exp
 * |\
 * | * b763b1ec18d3 (exp) lower lr
 * * | 86a72f6fe97d more data
 * |/
 * * dcef4b0fc15c base
 * }</pre>
 *
 * Entries must come newest first with every child before its parents, as {@code LogResult} gives them.
 */
public final class LogGraph {
    private final List<ObjectId> lanes = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private LogGraph() {
    }

    /**
     * The whole log as text: for each entry its graph cells followed by {@code line.apply(entry)}.
     *
     * @param firstParentOnly draw only first-parent edges (a straight line)
     */
    public static String render(List<LogEntry> entries, boolean firstParentOnly, Function<LogEntry, String> line) {
        LogGraph graph = new LogGraph();
        for (LogEntry e : entries) {
            List<ObjectId> parents = e.commit().parents();
            graph.add(e.commit().id(), firstParentOnly && !parents.isEmpty() ? parents.subList(0, 1) : parents,
                    line.apply(e));
        }
        return graph.out.toString();
    }

    private void add(ObjectId id, List<ObjectId> parents, String text) {
        int col = joinLanes(id);
        row(col, text);
        openParentLanes(col, parents);
    }

    /** The lane of {@code id}: the first lane waiting for it (the others merge into it) or a new one. */
    private int joinLanes(ObjectId id) {
        List<Integer> waiting = new ArrayList<>();
        for (int k = 0; k < lanes.size(); k++) {
            if (id.equals(lanes.get(k))) {
                waiting.add(k);
            }
        }
        if (waiting.isEmpty()) {
            lanes.add(id);
            return lanes.size() - 1;
        }
        List<Integer> closing = waiting.subList(1, waiting.size());
        if (!closing.isEmpty()) {
            line(shiftLeft(lanes.size(), closing, true));
            for (int i = closing.size() - 1; i >= 0; i--) {
                lanes.remove((int) closing.get(i));
            }
        }
        return waiting.get(0);
    }

    private void openParentLanes(int col, List<ObjectId> parents) {
        if (parents.isEmpty()) {
            int before = lanes.size();
            lanes.remove(col);
            if (col < lanes.size()) {
                line(shiftLeft(before, List.of(col), false));
            }
            return;
        }
        lanes.set(col, parents.get(0));
        int inserted = 0;
        for (ObjectId p : parents.subList(1, parents.size())) {
            if (!lanes.contains(p)) {
                lanes.add(col + 1 + inserted, p);
                inserted++;
            }
        }
        if (inserted > 0) {
            char[] cells = blank(lanes.size());
            for (int k = 0; k <= col; k++) {
                cells[2 * k] = '|';
            }
            for (int k = col + 1; k < lanes.size(); k++) {
                cells[2 * k - 1] = '\\';
            }
            line(new String(cells));
        }
    }

    /**
     * The connector row where the lanes in {@code closing} (sorted) end: every other lane right of the first
     * of them bends one column to the left ({@code /}), lanes left of it go straight on, and the closing
     * lanes themselves bend into their neighbour when {@code closingJoin} (two lines of history meet) or
     * simply stop (a root commit).
     */
    private static String shiftLeft(int laneCount, List<Integer> closing, boolean closingJoin) {
        char[] cells = blank(laneCount);
        int firstClosing = closing.get(0);
        for (int k = 0; k < laneCount; k++) {
            if (k < firstClosing) {
                cells[2 * k] = '|';
            } else if (closing.contains(k) ? closingJoin && k > 0 : k > firstClosing) {
                cells[2 * k - 1] = '/';
            }
        }
        return new String(cells);
    }

    private static char[] blank(int laneCount) {
        char[] cells = new char[2 * laneCount];
        Arrays.fill(cells, ' ');
        return cells;
    }

    private void row(int col, String text) {
        char[] cells = blank(lanes.size());
        for (int k = 0; k < lanes.size(); k++) {
            cells[2 * k] = k == col ? '*' : '|';
        }
        line(new String(cells) + text);
    }

    private void line(String s) {
        out.append(s.stripTrailing()).append('\n');
    }
}
