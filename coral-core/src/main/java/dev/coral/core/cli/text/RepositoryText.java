package dev.coral.core.cli.text;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.ConfigListResult;
import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.InitResult;
import dev.coral.core.cli.RemoveResult;
import dev.coral.core.cli.text.TextTable.Align;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.ConfigEntry;
import dev.coral.core.result.FsckProblem;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.CodecUsage;
import dev.coral.core.result.DepthCount;
import dev.coral.core.result.GcResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.StatsResult;

import java.util.Locale;

/**
 * Text of whole-repository results: init, add, rm, export, stats, cache, fsck, config.
 *
 * <pre>{@code
 * RepositoryText.fsck(repo.fsck());   // "checked 4 tensors, 3 trees, 3 commits, 4 refs
no problems found
"
 * }</pre>
 */
public final class RepositoryText {
    private RepositoryText() {
    }

    public static String init(InitResult r) {
        return "initialized empty Coral repository in " + r.root().resolve(".coral") + "\n";
    }

    public static String add(AddResult r) {
        return "staged " + HumanFormat.count(r.staged().size(), "tensor") + " (" + HumanFormat.bytes(r.totalBytes())
                + ") from " + String.join(", ", r.sources()) + "\n" + HistoryText.tensorTable(r.staged());
    }

    public static String remove(RemoveResult r) {
        StringBuilder s = new StringBuilder();
        r.names().forEach(n -> s.append("rm ").append(n).append('\n'));
        return s.toString();
    }

    public static String export(ExportResult r) {
        return "exported " + HumanFormat.count(r.tensors(), "tensor") + " of " + r.ref() + " ("
                + r.commit().shortHex() + ") to " + r.file() + " (" + HumanFormat.bytes(r.bytes()) + ")\n";
    }

    public static String stats(StatsResult s) {
        TextTable t = new TextTable(Align.LEFT, Align.RIGHT, Align.LEFT);
        boolean commit = s.ref() != null;
        if (commit) {
            t.row("commit", s.ref(), "branches " + s.branches() + ", tags " + s.tags() + " point at it");
        } else {
            t.row("commits", String.valueOf(s.commits()), "");
            t.row("branches", String.valueOf(s.branches()), "");
            t.row("tags", String.valueOf(s.tags()), "");
        }
        t.row("tensors", String.valueOf(s.tensors()),
                commit ? "in its tree" : "(name, content) pairs over all commits");
        t.row("dedup hits", String.valueOf(s.storage().dedupHits()), commit
                ? "tensors whose content a parent or another name already holds"
                : "tensor versions that reused a stored content");
        t.row("unique objects", String.valueOf(s.uniqueObjects()), "distinct contents, each stored once");
        t.row("delta objects", String.valueOf(s.deltaObjects()), "stored as deltas against a similar tensor");
        for (CodecUsage u : s.storage().codecs()) {
            t.row("  " + u.codec().name().toLowerCase(Locale.ROOT), String.valueOf(u.objects()),
                    HumanFormat.bytes(u.storedBytes()) + " stored for " + HumanFormat.bytes(u.rawBytes()) + " raw");
        }
        for (DepthCount d : s.storage().chainDepths()) {
            t.row("  depth " + d.depth(), String.valueOf(d.objects()),
                    d.depth() == 0 ? "stored whole" : "deltas to decode");
        }
        t.row("versions size", HumanFormat.bytes(s.storage().versionBytes()), "raw size of every tensor version");
        t.row("logical size", HumanFormat.bytes(s.logicalBytes()), "raw size of the unique objects");
        t.row("encoded size", HumanFormat.bytes(s.encodedBytes()),
                "compressed and delta-encoded" + ratio(s.logicalBytes(), s.encodedBytes()));
        t.row(commit ? "needs" : "on disk", HumanFormat.bytes(s.storedBytes()),
                (commit ? "its objects and the delta bases they need" : "whole .coral directory with metadata")
                        + ratio(s.logicalBytes(), s.storedBytes()));
        t.row("ratio", String.format(Locale.ROOT, "%.2fx", s.storage().ratio()),
                "versions size / " + (commit ? "needs" : "on disk"));
        return t.render("");
    }

    public static String repack(RepackResult r) {
        return "repacked " + HumanFormat.count(r.objects(), "tensor") + ": " + r.rewritten() + " re-encoded, "
                + r.deltasBefore() + " → " + r.deltasAfter() + " deltas, " + HumanFormat.bytes(r.storedBytesBefore())
                + " → " + HumanFormat.bytes(r.storedBytesAfter()) + " encoded"
                + (r.indexed() == 0 ? ""
                        : ", " + HumanFormat.count(r.indexed(), "tensor") + " newly indexed for similarity")
                + "\n";
    }

    public static String gc(GcResult r) {
        String kept = r.unreferencedKept() == 0 ? ""
                : "; kept " + HumanFormat.count(r.unreferencedKept(), "unreferenced file")
                        + " younger than " + HumanFormat.duration(r.graceSeconds()) + " (a commit may be writing it)";
        return "removed " + HumanFormat.count(r.filesRemoved(), "unreferenced object file") + " ("
                + HumanFormat.bytes(r.bytesRemoved()) + ")" + kept + "\n";
    }

    /** {@code ", logical / this = 2.50x"}, or nothing when there is nothing to compare. */
    private static String ratio(long logical, long stored) {
        if (stored <= 0 || logical <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", logical / this = %.2fx", (double) logical / stored);
    }

    public static String cache(CacheStats c) {
        long reads = c.hits() + c.misses();
        return "tensor cache: " + HumanFormat.bytes(c.cachedBytes()) + " of " + HumanFormat.bytes(c.maxBytes())
                + ", " + c.hits() + " hits, " + c.misses() + " misses"
                + (reads == 0 ? "" : " (" + HumanFormat.percent((double) c.hits() / reads) + " hit rate)")
                + ", " + HumanFormat.count(c.evictions(), "eviction") + "\n";
    }

    public static String fsck(FsckResult r) {
        StringBuilder s = new StringBuilder();
        s.append("checked ").append(HumanFormat.count(r.tensorsChecked(), "tensor")).append(", ")
                .append(HumanFormat.count(r.treesChecked(), "tree")).append(", ")
                .append(HumanFormat.count(r.commitsChecked(), "commit")).append(", ")
                .append(HumanFormat.count(r.refsChecked(), "ref")).append('\n');
        if (r.ok()) {
            return s.append("no problems found\n").toString();
        }
        s.append(HumanFormat.count(r.problems().size(), "problem")).append(" found:\n");
        for (FsckProblem p : r.problems()) {
            s.append("  ").append(p.object()).append(": ").append(p.message()).append('\n');
        }
        return s.toString();
    }

    public static String configList(ConfigListResult r) {
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT);
        for (ConfigEntry e : r.entries()) {
            t.row(e.key() + " = " + e.value(), e.isDefault() ? "(default)" : "", e.description());
        }
        return t.render("");
    }

    /** Just the value, so that {@code $(coral config get KEY)} works in scripts. */
    public static String configEntry(ConfigEntry e) {
        return e.value() + "\n";
    }

    public static String configUpdate(ConfigUpdateResult r) {
        String previous = r.previous().value();
        return r.current().key() + " = " + r.current().value()
                + (previous.equals(r.current().value()) ? " (unchanged)" : " (was " + previous + ")") + "\n";
    }
}
