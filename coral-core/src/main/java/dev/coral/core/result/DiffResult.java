package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

import java.util.List;

/**
 * The differences between two commits, sorted by name.
 *
 * <pre>{@code
 * DiffResult d = repo.diff("HEAD~1", "HEAD");
 * d.modified().forEach(e -> System.out.println(e.name() + " cos=" + e.comparison().cosine()));
 * }</pre>
 *
 * @param fromRef the older side as the user named it
 * @param toRef   the newer side as the user named it
 * @param from    the older commit
 * @param to      the newer commit
 * @param entries every difference, sorted by name
 */
public record DiffResult(String fromRef, String toRef, ObjectId from, ObjectId to, List<DiffEntry> entries) {
    public DiffResult {
        entries = List.copyOf(entries);
    }

    public List<DiffEntry> added() {
        return only(DiffStatus.ADDED);
    }

    public List<DiffEntry> removed() {
        return only(DiffStatus.REMOVED);
    }

    public List<DiffEntry> modified() {
        return only(DiffStatus.MODIFIED);
    }

    public List<DiffEntry> renamed() {
        return only(DiffStatus.RENAMED);
    }

    /** True when both sides hold the same tensors under the same names. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private List<DiffEntry> only(DiffStatus status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }
}
