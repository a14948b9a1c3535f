package dev.coral.core.cli.text;

import dev.coral.core.cli.text.TextTable.Align;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogEntry;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorSummary;
import dev.coral.core.tensor.TensorStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text of commits and their history: {@code log}, {@code reflog}, {@code show}.
 *
 * <pre>{@code
 * HistoryText.log(repo.log("HEAD", 20, false));   // "* 3fa2c1d4e5f6 (HEAD, main) epoch 3  — ada, …"
 * }</pre>
 */
public final class HistoryText {
    private HistoryText() {
    }

    /** {@code git log --oneline --graph} style, with labels, author, time and metrics. */
    public static String log(LogResult log) {
        if (log.entries().isEmpty()) {
            return "no commits yet on " + log.ref() + "\n";
        }
        return LogGraph.render(log.entries(), log.firstParentOnly(), HistoryText::logLine);
    }

    private static String logLine(LogEntry e) {
        CommitInfo c = e.commit();
        StringBuilder s = new StringBuilder(c.shortId());
        String labels = labels(e);
        if (!labels.isEmpty()) {
            s.append(" (").append(labels).append(')');
        }
        s.append(' ').append(c.subject());
        s.append("  — ").append(c.author()).append(", ").append(HumanFormat.time(c.time()));
        if (!c.metrics().isEmpty()) {
            s.append("  [").append(HumanFormat.metrics(c.metrics())).append(']');
        }
        return s.toString();
    }

    private static String labels(LogEntry e) {
        List<String> labels = new ArrayList<>();
        if (e.head()) {
            labels.add("HEAD");
        }
        labels.addAll(e.branches());
        e.tags().forEach(t -> labels.add("tag: " + t));
        return String.join(", ", labels);
    }

    public static String reflog(ReflogResult reflog) {
        if (reflog.entries().isEmpty()) {
            return "no movements of " + reflog.ref() + " recorded\n";
        }
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT);
        int n = 0;
        for (ReflogEntry e : reflog.entries()) {
            t.row(shortId(e.newId()), reflog.ref() + "@{" + n++ + "}", HumanFormat.time(e.time()), e.message());
        }
        return t.render("");
    }

    /** The header of a commit: id, parents, author, date, metrics and the indented message. */
    public static String commitHeader(CommitInfo c) {
        StringBuilder s = new StringBuilder();
        s.append("commit ").append(c.id().hex()).append('\n');
        if (c.parents().size() > 0) {
            s.append(c.isMerge() ? "Merge:   " : "Parent:  ")
                    .append(c.parents().stream().map(ObjectId::shortHex).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        s.append("Author:  ").append(c.author()).append('\n');
        s.append("Date:    ").append(HumanFormat.time(c.time())).append('\n');
        if (!c.metrics().isEmpty()) {
            s.append("Metrics: ").append(HumanFormat.metrics(c.metrics())).append('\n');
        }
        s.append('\n');
        c.message().lines().forEach(l -> s.append("    ").append(l).append('\n'));
        return s.toString();
    }

    public static String show(ShowResult r) {
        return r.isTensor() ? tensor(r) : commit(r);
    }

    private static String commit(ShowResult r) {
        StringBuilder s = new StringBuilder(commitHeader(r.commit()));
        long total = r.tree().stream().mapToLong(TensorEntry::bytes).sum();
        s.append('\n').append(HumanFormat.count(r.tree().size(), "tensor")).append(", ")
                .append(HumanFormat.bytes(total)).append('\n');
        s.append(tensorTable(r.tree()));
        return s.toString();
    }

    /** Name, dtype, shape, size and short id of each tensor, aligned. */
    public static String tensorTable(List<TensorEntry> entries) {
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT);
        for (TensorEntry e : entries) {
            t.row(e.name(), e.dtype().label(), HumanFormat.shape(e.shape()), HumanFormat.bytes(e.bytes()),
                    e.id().shortHex());
        }
        return t.render("  ");
    }

    private static String tensor(ShowResult r) {
        TensorSummary ts = r.tensor();
        TensorEntry e = ts.entry();
        TensorStats st = ts.stats();
        TextTable t = new TextTable(Align.LEFT, Align.LEFT);
        t.row("tensor", e.name());
        t.row("commit", r.commit().shortId() + " " + r.commit().subject());
        t.row("id", e.id().hex());
        t.row("dtype", e.dtype().label());
        t.row("shape", HumanFormat.shape(e.shape()));
        t.row("size", HumanFormat.bytes(e.bytes()) + " (" + e.bytes() + " bytes)");
        t.row("stored", HumanFormat.bytes(ts.storedBytes()) + " as " + ts.codec().name().toLowerCase(Locale.ROOT)
                + (ts.deltaBase() == null ? "" : " against " + ts.deltaBase().shortHex()
                + " (chain depth " + ts.chainDepth() + ")"));
        t.row("min", HumanFormat.number(st.min()));
        t.row("max", HumanFormat.number(st.max()));
        t.row("mean", HumanFormat.number(st.mean()));
        t.row("std", HumanFormat.number(st.std()));
        if (st.nanCount() > 0 || st.infCount() > 0) {
            t.row("non-finite", st.nanCount() + " NaN, " + st.infCount() + " Inf of " + st.count());
        }
        return t.render("");
    }

    static String shortId(ObjectId id) {
        return id == null ? "-" : id.shortHex();
    }
}
