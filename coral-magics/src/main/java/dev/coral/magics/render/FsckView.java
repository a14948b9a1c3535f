package dev.coral.magics.render;

import dev.coral.core.result.FsckProblem;
import dev.coral.core.result.FsckResult;

/** A {@link FsckResult}: a clear verdict, what was checked, and each problem found. */
public final class FsckView implements CliRecordView<FsckResult> {

    @Override
    public Html html(FsckResult fsck) {
        Html verdict = fsck.ok() ? Html.tag("span", "coral-ok", Html.text("✓ repository is consistent"))
                : Html.tag("span", "coral-bad", Html.text("✗ " + fsck.problems().size() + " problem"
                        + (fsck.problems().size() == 1 ? "" : "s") + " found"));
        Html head = Fragments.head(verdict, Html.text(checked(fsck)));
        if (fsck.ok()) {
            return head;
        }
        HtmlTable table = new HtmlTable().column("object", Align.LEFT).column("problem", Align.LEFT);
        for (FsckProblem p : fsck.problems()) {
            table.row(Fragments.name(p.object()), Html.tag("span", "coral-wrap", Html.text(p.message())));
        }
        return Html.concat(head, table.toHtml());
    }

    private static String checked(FsckResult f) {
        return "checked " + HumanFormat.count(f.tensorsChecked()) + " tensors, " + HumanFormat.count(f.treesChecked())
                + " trees, " + HumanFormat.count(f.commitsChecked()) + " commits, " + HumanFormat.count(f.refsChecked()) + " refs";
    }
}
