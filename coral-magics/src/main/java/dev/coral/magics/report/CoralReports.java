package dev.coral.magics.report;

import dev.coral.core.repo.Repository;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorComparison;
import dev.coral.magics.render.HumanFormat;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Repository reports as Tablesaw {@link Table}s: sort, filter, join, chart or export them.
 *
 * <pre>{@code
 * Table storage = CoralReports.storage(repo);
 * storage.sortDescendingOn("stored_bytes").first(5);
 * CoralReports.history(repo, "fc1.weight").where(t -> t.stringColumn("status").isEqualTo("modified"));
 * CoralReports.diff(repo.diff("v1", "main")).write().csv("diff.csv");
 * }</pre>
 *
 * <p>Byte columns end in {@code _bytes} and hold exact byte counts; the notebook shows them as KiB/MiB.
 * Commit ids are the 12-digit abbreviations.
 */
public final class CoralReports {
    private CoralReports() {
    }

    /**
     * Per commit reachable from HEAD, oldest first: its tree's raw size ({@code logical_bytes}) against
     * the encoded bytes it added ({@code stored_bytes}), and both summed over history.
     * Columns: commit, time, message, tensors, new_objects, logical_bytes, stored_bytes,
     * cumulative_logical_bytes, cumulative_stored_bytes.
     */
    public static Table storage(Repository repo) {
        return storage(StorageHistory.of(repo, "HEAD"));
    }

    /** {@link #storage(Repository)} from an already walked history. */
    public static Table storage(List<CommitStorage> history) {
        LongColumn cumulativeLogical = LongColumn.create("cumulative_logical_bytes");
        LongColumn cumulativeStored = LongColumn.create("cumulative_stored_bytes");
        long logical = 0;
        long stored = 0;
        for (CommitStorage c : history) {
            cumulativeLogical.append(logical += c.logicalBytes());
            cumulativeStored.append(stored += c.newStoredBytes());
        }
        return Table.create("storage",
                commitColumn(history), timeColumn(history), messageColumn(history),
                IntColumn.create("tensors", history.stream().mapToInt(CommitStorage::tensors).toArray()),
                IntColumn.create("new_objects", history.stream().mapToInt(CommitStorage::newObjects).toArray()),
                LongColumn.create("logical_bytes", history.stream().mapToLong(CommitStorage::logicalBytes).toArray()),
                LongColumn.create("stored_bytes", history.stream().mapToLong(CommitStorage::newStoredBytes).toArray()),
                cumulativeLogical, cumulativeStored);
    }

    /**
     * Per commit reachable from HEAD, oldest first: how many of its tensors were already stored, how
     * many contents it added (and how many of those as deltas), and the running ratios
     * {@code dedup_ratio} = all trees' raw bytes / distinct contents' raw bytes and
     * {@code storage_ratio} = all trees' raw bytes / encoded bytes.
     * Columns: commit, message, tensors, reused, new_objects, new_deltas, logical_bytes, unique_bytes,
     * stored_bytes (the last three cumulative), dedup_ratio, storage_ratio.
     */
    public static Table dedup(Repository repo) {
        return dedup(StorageHistory.of(repo, "HEAD"));
    }

    /** {@link #dedup(Repository)} from an already walked history. */
    public static Table dedup(List<CommitStorage> history) {
        LongColumn logical = LongColumn.create("logical_bytes");
        LongColumn unique = LongColumn.create("unique_bytes");
        LongColumn stored = LongColumn.create("stored_bytes");
        DoubleColumn dedupRatio = DoubleColumn.create("dedup_ratio");
        DoubleColumn storageRatio = DoubleColumn.create("storage_ratio");
        long l = 0;
        long u = 0;
        long s = 0;
        for (CommitStorage c : history) {
            logical.append(l += c.logicalBytes());
            unique.append(u += c.newRawBytes());
            stored.append(s += c.newStoredBytes());
            dedupRatio.append(u == 0 ? Double.NaN : (double) l / u);
            storageRatio.append(s == 0 ? Double.NaN : (double) l / s);
        }
        return Table.create("dedup",
                commitColumn(history), messageColumn(history),
                IntColumn.create("tensors", history.stream().mapToInt(CommitStorage::tensors).toArray()),
                IntColumn.create("reused", history.stream().mapToInt(CommitStorage::reusedEntries).toArray()),
                IntColumn.create("new_objects", history.stream().mapToInt(CommitStorage::newObjects).toArray()),
                IntColumn.create("new_deltas", history.stream().mapToInt(CommitStorage::newDeltaObjects).toArray()),
                logical, unique, stored, dedupRatio, storageRatio);
    }

    /** {@link #history(Repository, String, String)} along HEAD. */
    public static Table history(Repository repo, String tensorName) {
        return history(repo, "HEAD", tensorName);
    }

    /**
     * How tensor {@code tensorName} changed along {@code ref}'s first-parent line, oldest first: one row
     * per commit holding it (and one {@code removed} row where it disappears), with its id and, when its
     * content changed with the same dtype and shape, L2 / cosine / max |Δ| / fraction changed against the
     * previous version. Columns: commit, time, message, status (added, modified, unchanged, removed),
     * tensor_id, dtype, shape, l2, cosine, max_abs_delta, fraction_changed.
     */
    public static Table history(Repository repo, String ref, String tensorName) {
        List<LogEntry> newestFirst = repo.log(ref, 0, true).entries();
        Table table = Table.create("history of " + tensorName,
                StringColumn.create("commit"), InstantColumn.create("time"), StringColumn.create("message"),
                StringColumn.create("status"), StringColumn.create("tensor_id"), StringColumn.create("dtype"),
                StringColumn.create("shape"), DoubleColumn.create("l2"), DoubleColumn.create("cosine"),
                DoubleColumn.create("max_abs_delta"), DoubleColumn.create("fraction_changed"));
        TensorEntry previous = null;
        Tensor previousTensor = null;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            var commit = newestFirst.get(i).commit();
            TensorEntry current = repo.show(commit.id().hex()).tree().stream()
                    .filter(e -> e.name().equals(tensorName)).findFirst().orElse(null);
            if (current == null && previous == null) {
                continue;
            }
            String status;
            TensorComparison change = null;
            if (current == null) {
                status = "removed";
            } else if (previous == null) {
                status = "added";
            } else if (current.id().equals(previous.id())) {
                status = "unchanged";
            } else {
                status = "modified";
            }
            Tensor currentTensor = switch (status) {
                case "unchanged" -> previousTensor;
                case "removed" -> null;
                default -> repo.read(commit.id().hex(), tensorName);
            };
            if ("modified".equals(status) && sameLayout(previous, current)) {
                change = TensorComparison.of(previousTensor, currentTensor);
            }
            table.stringColumn("commit").append(commit.shortId());
            table.instantColumn("time").append(commit.time());
            table.stringColumn("message").append(commit.subject());
            table.stringColumn("status").append(status);
            table.stringColumn("tensor_id").append(current == null ? "" : current.id().shortHex());
            table.stringColumn("dtype").append(current == null ? "" : current.dtype().label());
            table.stringColumn("shape").append(current == null ? "" : HumanFormat.shape(current.shape()));
            appendComparison(table, change);
            previous = current;
            previousTensor = currentTensor;
        }
        return table;
    }

    /**
     * One row per difference: name, status, old_name (for renames), dtype, shape, bytes, and for modified
     * tensors l2, cosine, max_abs_delta, fraction_changed (missing otherwise).
     */
    public static Table diff(DiffResult diff) {
        Table table = Table.create("diff " + diff.fromRef() + " " + diff.toRef(),
                StringColumn.create("name"), StringColumn.create("status"), StringColumn.create("old_name"),
                StringColumn.create("dtype"), StringColumn.create("shape"), LongColumn.create("bytes"),
                DoubleColumn.create("l2"), DoubleColumn.create("cosine"), DoubleColumn.create("max_abs_delta"),
                DoubleColumn.create("fraction_changed"));
        for (DiffEntry e : diff.entries()) {
            TensorEntry t = e.to() != null ? e.to() : e.from();
            table.stringColumn("name").append(e.name());
            table.stringColumn("status").append(e.status().name().toLowerCase(Locale.ROOT));
            table.stringColumn("old_name").append(e.from() != null && !e.from().name().equals(e.name()) ? e.from().name() : "");
            table.stringColumn("dtype").append(t.dtype().label());
            table.stringColumn("shape").append(HumanFormat.shape(t.shape()));
            table.longColumn("bytes").append(t.bytes());
            appendComparison(table, e.comparison());
        }
        return table;
    }

    private static boolean sameLayout(TensorEntry a, TensorEntry b) {
        return a.dtype() == b.dtype() && Arrays.equals(a.shapeArray(), b.shapeArray());
    }

    private static void appendComparison(Table table, TensorComparison c) {
        if (c == null) {
            List.of("l2", "cosine", "max_abs_delta", "fraction_changed")
                    .forEach(column -> table.doubleColumn(column).appendMissing());
            return;
        }
        table.doubleColumn("l2").append(c.l2());
        table.doubleColumn("cosine").append(c.cosine());
        table.doubleColumn("max_abs_delta").append(c.maxAbsDelta());
        table.doubleColumn("fraction_changed").append(c.fractionChanged());
    }

    private static StringColumn commitColumn(List<CommitStorage> history) {
        return StringColumn.create("commit", history.stream().map(c -> c.commit().shortId()).toList());
    }

    private static InstantColumn timeColumn(List<CommitStorage> history) {
        return InstantColumn.create("time", history.stream().map(c -> c.commit().time()).toList());
    }

    private static StringColumn messageColumn(List<CommitStorage> history) {
        return StringColumn.create("message", history.stream().map(c -> c.commit().subject()).toList());
    }
}
