package dev.coral.core.cli.text;

import dev.coral.core.cli.text.TextTable.Align;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.TensorComparison;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text of changes between trees: {@code diff}, {@code status} and {@code commit}.
 *
 * <pre>{@code
 * ChangesText.diff(repo.diff("v1", "HEAD"));   // "  modified  fc1.weight  float32  [200, 200]  156.3 KiB  l2 …"
 * }</pre>
 */
public final class ChangesText {
    private static final List<DiffStatus> SUMMARY_ORDER =
            List.of(DiffStatus.ADDED, DiffStatus.MODIFIED, DiffStatus.REMOVED, DiffStatus.RENAMED);
    private ChangesText() {
    }

    public static String diff(DiffResult d) {
        StringBuilder s = new StringBuilder();
        s.append("diff ").append(d.fromRef()).append(" (").append(HistoryText.shortId(d.from())).append(") → ")
                .append(d.toRef()).append(" (").append(HistoryText.shortId(d.to())).append(")\n");
        if (d.isEmpty()) {
            return s.append("no differences\n").toString();
        }
        s.append(entries(d.entries(), true));
        return s.append(summary(d.entries())).append('\n').toString();
    }

    public static String status(StatusResult st) {
        StringBuilder s = new StringBuilder();
        if (st.detached()) {
            s.append("HEAD detached at ").append(HistoryText.shortId(st.head())).append('\n');
        } else {
            s.append("On branch ").append(st.branch());
            s.append(st.head() == null ? ", no commits yet" : " at " + st.head().shortHex()).append('\n');
        }
        if (st.isClean()) {
            return s.append("nothing staged (stage tensors with coral add FILE)\n").toString();
        }
        s.append("Staged for the next commit (").append(summary(st.staged())).append("):\n");
        return s.append(entries(st.staged(), false)).toString();
    }

    public static String commit(CommitResult r) {
        StringBuilder s = new StringBuilder();
        s.append('[').append(r.branch() == null ? "detached HEAD" : r.branch()).append(' ')
                .append(r.commit().shortId()).append("] ").append(r.commit().subject()).append('\n');
        s.append(' ').append(r.added().size()).append(" added, ").append(r.modified().size()).append(" modified, ")
                .append(r.removed().size()).append(" removed");
        if (r.newObjects() > 0) {
            s.append("; ").append(HumanFormat.count(r.newObjects(), "new object")).append(", ")
                    .append(HumanFormat.bytes(r.bytesWritten())).append(" written");
        }
        s.append('\n');
        if (!r.commit().metrics().isEmpty()) {
            s.append(" metrics: ").append(HumanFormat.metrics(r.commit().metrics())).append('\n');
        }
        if (r.rebased()) {
            s.append(" the branch had moved meanwhile; the commit was applied on top of its new tip\n");
        }
        return s.toString();
    }

    /** {@code 1 added, 2 modified}: counts of each status present, in {@link #SUMMARY_ORDER}. */
    static String summary(List<DiffEntry> entries) {
        Map<DiffStatus, Long> counts = new EnumMap<>(DiffStatus.class);
        entries.forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return SUMMARY_ORDER.stream()
                .filter(counts::containsKey)
                .map(status -> counts.get(status) + " " + label(status))
                .collect(Collectors.joining(", "));
    }

    private static String entries(List<DiffEntry> entries, boolean withComparison) {
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT);
        for (DiffEntry e : entries) {
            TensorEntry side = e.to() != null ? e.to() : e.from();
            String name = e.status() == DiffStatus.RENAMED ? e.from().name() + " → " + e.name() : e.name();
            t.row(label(e.status()), name, side.dtype().label(), shape(e), HumanFormat.bytes(side.bytes()),
                    withComparison ? comparison(e) : "");
        }
        return t.render("  ");
    }

    private static String shape(DiffEntry e) {
        String to = e.to() == null ? null : HumanFormat.shape(e.to().shape());
        String from = e.from() == null ? null : HumanFormat.shape(e.from().shape());
        if (from != null && to != null && !from.equals(to)) {
            return from + " → " + to;
        }
        return to != null ? to : from;
    }

    private static String comparison(DiffEntry e) {
        TensorComparison c = e.comparison();
        if (c == null) {
            if (e.status() == DiffStatus.MODIFIED && e.from() != null && e.to() != null
                    && e.from().dtype() != e.to().dtype()) {
                return "dtype " + e.from().dtype().label() + " → " + e.to().dtype().label();
            }
            return "";
        }
        return "l2 " + HumanFormat.number(c.l2()) + "  cos " + HumanFormat.number(c.cosine())
                + "  max|Δ| " + HumanFormat.number(c.maxAbsDelta())
                + "  changed " + HumanFormat.percent(c.fractionChanged());
    }

    private static String label(DiffStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
