package dev.coral.core.repo;

import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.TagRecord;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.LogResult;
import dev.coral.core.store.CommitStore.StoredCommit;
import dev.coral.core.store.CommitStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Walks commit history for {@code log}. It reads commit rows only, never trees. The first-parent walk
 * follows each commit's first parent; the full-graph walk visits every ancestor once, highest generation
 * first (so every child comes before its parents), newest first among equal generations.
 */
final class History {
    private static final Comparator<StoredCommit> NEWEST_FIRST = Comparator
            .comparingLong(StoredCommit::generation).reversed()
            .thenComparing((StoredCommit s) -> s.info().time(), Comparator.reverseOrder())
            .thenComparing(s -> s.info().id());

    private final CommitStore commits;

    History(CommitStore commits) {
        this.commits = commits;
    }

    LogResult log(DbConnection c, String ref, ObjectId start, int limit, boolean firstParentOnly) throws SQLException {
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        Labels labels = Labels.read(c);
        List<LogEntry> entries = new ArrayList<>();
        if (start == null) {
            return new LogResult(ref, firstParentOnly, entries);
        }
        if (firstParentOnly) {
            ObjectId at = start;
            while (at != null && entries.size() < max) {
                StoredCommit commit = commits.load(c, at);
                entries.add(labels.entry(commit));
                at = commit.info().parents().isEmpty() ? null : commit.info().parents().get(0);
            }
        } else {
            PriorityQueue<StoredCommit> queue = new PriorityQueue<>(NEWEST_FIRST);
            Set<ObjectId> seen = new HashSet<>();
            seen.add(start);
            queue.add(commits.load(c, start));
            while (!queue.isEmpty() && entries.size() < max) {
                StoredCommit commit = queue.poll();
                entries.add(labels.entry(commit));
                for (ObjectId parent : commit.info().parents()) {
                    if (seen.add(parent)) {
                        queue.add(commits.load(c, parent));
                    }
                }
            }
        }
        return new LogResult(ref, firstParentOnly, entries);
    }

    /** Branch and tag names by the commit they point at, and HEAD's commit. */
    private record Labels(Map<ObjectId, List<String>> branches, Map<ObjectId, List<String>> tags, ObjectId head) {
        static Labels read(DbConnection c) throws SQLException {
            Map<ObjectId, List<String>> branches = new HashMap<>();
            RefTable.branches(c).forEach((name, tip) -> branches.computeIfAbsent(tip, k -> new ArrayList<>()).add(name));
            Map<ObjectId, List<String>> tags = new HashMap<>();
            for (TagRecord tag : RefTable.tags(c)) {
                tags.computeIfAbsent(tag.target(), k -> new ArrayList<>()).add(tag.name());
            }
            ObjectId headCommit = RefTable.headCommit(c);
            return new Labels(branches, tags, headCommit);
        }

        LogEntry entry(StoredCommit commit) {
            ObjectId id = commit.info().id();
            return new LogEntry(commit.info(), branches.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
                    id.equals(head));
        }
    }
}
