package dev.coral.core.result;

import java.util.List;

/**
 * The history reachable from a ref, newest first.
 *
 * @param ref             the ref the walk started from, as the user named it
 * @param firstParentOnly true when only first parents were followed (the branch's own line)
 * @param entries         the commits, newest first: in first-parent order, or for the full graph by time
 *                        with every child before its parents
 */
public record LogResult(String ref, boolean firstParentOnly, List<LogEntry> entries) {
    public LogResult {
        entries = List.copyOf(entries);
    }
}
