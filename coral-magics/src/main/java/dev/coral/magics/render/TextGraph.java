package dev.coral.magics.render;

import java.util.Arrays;

/**
 * Draws {@link CommitGraph} rows as text, like {@code git log --graph}: lane {@code j} is character
 * {@code 2j}; a commit line shows {@code *} for the commit and {@code |} for lanes passing by; a
 * connector line between two commits shows lanes forking ({@code \}) and joining ({@code /}). A lane
 * that bends in the gap is drawn by its bend only.
 */
final class TextGraph {
    private TextGraph() {
    }

    /** The graph part of a commit's line, padded to {@code columns} lanes. */
    static String commitLine(CommitGraph.Row row, int columns) {
        char[] cells = blank(columns);
        for (CommitGraph.Segment s : row.upper()) {
            if (s.fromColumn() == s.toColumn()) {
                cells[2 * s.fromColumn()] = '|';
            }
        }
        for (CommitGraph.Segment s : row.lower()) {
            if (s.fromColumn() == s.toColumn()) {
                cells[2 * s.fromColumn()] = '|';
            }
        }
        cells[2 * row.column()] = '*';
        return new String(cells);
    }

    /**
     * The line between {@code above} and {@code below} when a lane forks or joins there, else null (a
     * straight gap needs no line of its own).
     */
    static String connector(CommitGraph.Row above, CommitGraph.Row below, int columns) {
        boolean diagonal = above.lower().stream().anyMatch(s -> s.fromColumn() != s.toColumn())
                || below.upper().stream().anyMatch(s -> s.fromColumn() != s.toColumn());
        if (!diagonal) {
            return null;
        }
        char[] cells = blank(columns);
        for (CommitGraph.Segment s : above.lower()) {
            boolean bendsBelow = below.upper().stream()
                    .anyMatch(b -> b.fromColumn() == s.toColumn() && b.fromColumn() != b.toColumn());
            if (!(bendsBelow && s.fromColumn() == s.toColumn())) {
                draw(cells, s.fromColumn(), s.toColumn());
            }
        }
        for (CommitGraph.Segment s : below.upper()) {
            if (s.fromColumn() != s.toColumn()) {
                draw(cells, s.fromColumn(), s.toColumn());
            }
        }
        return new String(cells).stripTrailing();
    }

    /** A segment from lane {@code top} (upper end) to lane {@code bottom} (lower end). */
    private static void draw(char[] cells, int top, int bottom) {
        if (top == bottom) {
            cells[2 * top] = '|';
        } else {
            cells[top + bottom] = bottom > top ? '\\' : '/';
        }
    }

    private static char[] blank(int columns) {
        char[] cells = new char[Math.max(1, 2 * columns - 1)];
        Arrays.fill(cells, ' ');
        return cells;
    }
}
