package dev.coral.magics.report;

import dev.coral.core.id.ObjectId;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorStorage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every commit reachable from a ref, oldest first, and attributes each stored content to the
 * first commit that holds it. The storage and deduplication reports and charts are built on it.
 *
 * <p>Cost: one tree read per commit, plus one {@link Repository#storageOf} per distinct content (a record
 * lookup; nothing is decoded), to learn its encoded size and codec.
 *
 * <pre>{@code
 * List<CommitStorage> history = StorageHistory.of(repo, "HEAD");
 * }</pre>
 */
public final class StorageHistory {
    private StorageHistory() {
    }

    /** Every commit reachable from {@code ref} (all parents), oldest first. */
    public static List<CommitStorage> of(Repository repo, String ref) {
        List<LogEntry> newestFirst = repo.log(ref, 0, false).entries();
        Set<ObjectId> stored = new HashSet<>();
        List<CommitStorage> out = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            String commit = newestFirst.get(i).commit().id().hex();
            ShowResult show = repo.show(commit);
            Map<ObjectId, TensorEntry> fresh = new LinkedHashMap<>();
            long logical = 0;
            for (TensorEntry e : show.tree()) {
                logical += e.bytes();
                if (!stored.contains(e.id())) {
                    fresh.putIfAbsent(e.id(), e);
                }
            }
            int deltas = 0;
            long raw = 0;
            long encoded = 0;
            for (TensorEntry e : fresh.values()) {
                TensorStorage s = repo.storageOf(e.id());
                deltas += s.codec().isDelta() ? 1 : 0;
                raw += e.bytes();
                encoded += s.storedBytes();
            }
            stored.addAll(fresh.keySet());
            out.add(new CommitStorage(show.commit(), show.tree().size(), logical, fresh.size(),
                    show.tree().size() - fresh.size(), deltas, raw, encoded));
        }
        return out;
    }
}
