package dev.coral.core.store;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CommitInfo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical serialization of a commit (version 1, little-endian, strings as u32 UTF-8 length + bytes),
 * whose SHA-256 is the commit id:
 * <pre>
 *   "coral-commit-v1" 0x00 | tree id (32) | parent count u32 | parent ids (32 each, first parent first) |
 *   author string | time i64 (ms since the epoch) | message string |
 *   metric count u32 | (name string | value f64 bits)...   (sorted by name)
 * </pre>
 */
public final class CommitFormat {
    private static final byte[] MAGIC = "coral-commit-v1\0".getBytes(StandardCharsets.US_ASCII);

    private CommitFormat() {
    }

    /** A commit with its id computed from the other fields. */
    public static CommitInfo create(ObjectId tree, List<ObjectId> parents, String author, long timeMillis,
                                    String message, Map<String, Double> metrics) {
        return new CommitInfo(id(tree, parents, author, timeMillis, message, metrics), tree, parents, author,
                Instant.ofEpochMilli(timeMillis), message, metrics);
    }

    static ObjectId id(ObjectId tree, List<ObjectId> parents, String author, long timeMillis, String message,
                       Map<String, Double> metrics) {
        CanonicalWriter w = new CanonicalWriter(256 + message.length());
        w.raw(MAGIC).id(tree).u32(parents.size());
        parents.forEach(w::id);
        w.string(author).i64(timeMillis).string(message);
        TreeMap<String, Double> sorted = new TreeMap<>(metrics);
        w.u32(sorted.size());
        sorted.forEach((k, v) -> w.string(k).f64(v));
        return w.sha256();
    }

    /** The id the fields of {@code commit} hash to. */
    static ObjectId recompute(CommitInfo commit) {
        return id(commit.tree(), commit.parents(), commit.author(), commit.time().toEpochMilli(), commit.message(),
                commit.metrics());
    }
}
