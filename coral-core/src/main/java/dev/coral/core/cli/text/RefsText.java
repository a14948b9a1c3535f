package dev.coral.core.cli.text;

import dev.coral.core.cli.BranchListResult;
import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.TagListResult;
import dev.coral.core.cli.TagResult;
import dev.coral.core.cli.text.TextTable.Align;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.TagInfo;

/**
 * Text of branches, tags and HEAD moves.
 *
 * <pre>{@code
 * RefsText.checkout(repo.checkout("exp"));   // "switched to branch exp at 9a0b1c2d3e4f"
 * }</pre>
 */
public final class RefsText {
    private RefsText() {
    }

    public static String branches(BranchListResult r) {
        if (r.branches().isEmpty()) {
            return "no branches yet (the first commit creates main)\n";
        }
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT);
        for (BranchInfo b : r.branches()) {
            t.row(b.current() ? "*" : " ", b.name(), HistoryText.shortId(b.tip()));
        }
        return t.render("");
    }

    public static String branch(BranchResult r) {
        BranchInfo b = r.branch();
        return (r.action() == RefAction.CREATED ? "created branch " : "deleted branch ") + b.name()
                + (r.action() == RefAction.CREATED ? " at " : " (was ") + HistoryText.shortId(b.tip())
                + (r.action() == RefAction.CREATED ? "" : ")") + "\n";
    }

    public static String tags(TagListResult r) {
        if (r.tags().isEmpty()) {
            return "no tags\n";
        }
        TextTable t = new TextTable(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT);
        for (TagInfo tag : r.tags()) {
            t.row(tag.name(), tag.target().shortHex(), HumanFormat.metrics(tag.metrics()), firstLine(tag.message()));
        }
        return t.render("");
    }

    public static String tag(TagResult r) {
        TagInfo tag = r.tag();
        if (r.action() == RefAction.DELETED) {
            return "deleted tag " + tag.name() + " (was " + tag.target().shortHex() + ")\n";
        }
        String metrics = HumanFormat.metrics(tag.metrics());
        return "created tag " + tag.name() + " at " + tag.target().shortHex()
                + (metrics.isEmpty() ? "" : " [" + metrics + "]") + "\n";
    }

    public static String checkout(CheckoutResult r) {
        if (r.detached()) {
            return "HEAD is now detached at " + HistoryText.shortId(r.commit())
                    + " (create a branch here with coral checkout -b NAME)\n";
        }
        return "switched to branch " + r.branch()
                + (r.commit() == null ? " (no commits yet)" : " at " + r.commit().shortHex()) + "\n";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
