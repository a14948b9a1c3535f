package dev.coral.core.cli.text;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.LogEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Draws a log as a graph in the style of {@code git log --graph}: one lane per line of history that is
 * still open, {@code *} for a commit, {@code |\} where a merge opens a lane for its other parents and
 * {@code |/} where two lanes reach the same commit.
 *
 * <pre>{@code
 * *   4c1e… merge exp
 * |\
 * | * 9a0b… exp: lower lr
 * * | 77d2… main: more data
 * |/
 * * 1f3a… initial
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
        row(col, "*", text);
        openParentLanes(col, parents);
    }

    /** The lane of {@code id}: the first lane waiting for it (others merge into it) or a new one. */
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
        if (waiting.size() > 1) {
            StringBuilder cells = new StringBuilder();
            for (int k = 0; k < lanes.size(); k++) {
                cells.append(waiting.contains(k) && k != waiting.get(0) ? "/ " : "| ");
            }
            line(cells.toString());
            for (int i = waiting.size() - 1; i >= 1; i--) {
                lanes.remove((int) waiting.get(i));
            }
        }
        return waiting.get(0);
    }

    private void openParentLanes(int col, List<ObjectId> parents) {
        if (parents.isEmpty()) {
            lanes.remove(col);
            if (col < lanes.size()) {
                StringBuilder cells = new StringBuilder();
                for (int k = 0; k <= lanes.size(); k++) {
                    cells.append(k < col ? "| " : k == col ? "  " : "/ ");
                }
                line(cells.toString());
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
            StringBuilder cells = new StringBuilder();
            for (int k = 0; k < lanes.size() - inserted; k++) {
                cells.append(k <= col ? "| " : "");
            }
            cells.append("\\ ".repeat(lanes.size() - col - 1));
            line(cells.toString());
        }
    }

    private void row(int col, String node, String text) {
        StringBuilder cells = new StringBuilder();
        for (int k = 0; k < lanes.size(); k++) {
            cells.append(k == col ? node : "|").append(' ');
        }
        line(cells + text);
    }

    private void line(String s) {
        out.append(s.stripTrailing()).append('\n');
    }
}
