package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A commit as stored: an immutable snapshot of a model.
 *
 * <pre>{@code
 * CommitInfo c = repo.show("HEAD").commit();
 * c.isMerge();          // true when it has two or more parents
 * c.metrics().get("acc");
 * }</pre>
 *
 * @param id      the commit's id (SHA-256 of its canonical serialization)
 * @param tree    the id of its tree (name → tensor)
 * @param parents parent commits, first parent first; empty for a root commit, two or more for a merge
 * @param author  who made it
 * @param time    when it was made (millisecond precision)
 * @param message the commit message
 * @param metrics numeric metrics recorded with it ({@code acc=0.93}), sorted by name
 */
public record CommitInfo(ObjectId id, ObjectId tree, List<ObjectId> parents, String author, Instant time,
                         String message, Map<String, Double> metrics) {
    public CommitInfo {
        parents = List.copyOf(parents);
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** The first 12 hex digits of the id. */
    public String shortId() {
        return id.shortHex();
    }

    /** True when the commit has two or more parents. */
    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** The first line of the message. */
    public String subject() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
