package dev.coral.magics.render;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.LogEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a log (newest first) as lanes, like {@code git log --graph}: each commit sits in a column,
 * and each row lists the line segments drawn in its upper half (from the row above to the commit) and
 * lower half (from the commit to the row below). A lane keeps its column until the commit it waits
 * for is reached, so pass-through lines are straight.
 */
final class CommitGraph {

    /** A line from column {@code fromColumn} at the top (or middle) of its half to {@code toColumn} at its end. */
    record Segment(int fromColumn, int toColumn) {
    }

    /**
     * One row of the graph.
     *
     * @param column the commit's column
     * @param upper  segments from the top edge to the middle (the commit's own incoming line ends at it)
     * @param lower  segments from the middle to the bottom edge
     * @param width  columns in use in this row
     */
    record Row(int column, List<Segment> upper, List<Segment> lower, int width) {
    }

    private CommitGraph() {
    }

    static List<Row> layout(List<LogEntry> entries) {
        List<ObjectId> lanes = new ArrayList<>();
        List<Row> rows = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            ObjectId id = entry.commit().id();
            List<ObjectId> parents = entry.commit().parents();
            int column = lanes.indexOf(id);
            if (column < 0) {
                column = freeLane(lanes, -1);
            }
            List<Segment> upper = new ArrayList<>();
            List<Segment> lower = new ArrayList<>();
            for (int j = 0; j < lanes.size(); j++) {
                ObjectId waiting = lanes.get(j);
                if (waiting == null) {
                    continue;
                }
                if (waiting.equals(id)) {
                    upper.add(new Segment(j, column));
                    lanes.set(j, null);
                } else {
                    upper.add(new Segment(j, j));
                    lower.add(new Segment(j, j));
                }
            }
            if (!parents.isEmpty()) {
                lanes.set(column, parents.get(0));
                lower.add(new Segment(column, column));
            }
            for (ObjectId parent : parents.subList(Math.min(1, parents.size()), parents.size())) {
                int target = lanes.indexOf(parent);
                if (target < 0) {
                    target = freeLane(lanes, column);
                    lanes.set(target, parent);
                }
                lower.add(new Segment(column, target));
            }
            int width = lanes.size();
            while (!lanes.isEmpty() && lanes.get(lanes.size() - 1) == null) {
                lanes.remove(lanes.size() - 1);
            }
            rows.add(new Row(column, List.copyOf(upper), List.copyOf(lower), Math.max(width, column + 1)));
        }
        return rows;
    }

    /** The first free lane other than {@code taken}, appending one when none is free. */
    private static int freeLane(List<ObjectId> lanes, int taken) {
        for (int j = 0; j < lanes.size(); j++) {
            if (lanes.get(j) == null && j != taken) {
                return j;
            }
        }
        lanes.add(null);
        return lanes.size() - 1;
    }
}
