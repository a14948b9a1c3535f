package dev.coral.core.result;

import java.util.List;

/**
 * One commit of a log, with the refs that point at it.
 *
 * @param commit   the commit
 * @param branches branches whose tip it is, sorted
 * @param tags     tags pointing at it, sorted
 * @param head     true when HEAD points at it
 */
public record LogEntry(CommitInfo commit, List<String> branches, List<String> tags, boolean head) {
    public LogEntry {
        branches = List.copyOf(branches);
        tags = List.copyOf(tags);
    }
}
