package dev.coral.magics.render;

import dev.coral.core.cli.BranchListResult;
import dev.coral.core.result.BranchInfo;

/** A {@link BranchListResult} ({@code coral branch}): the current branch marked, each with its tip. */
public final class BranchesView implements CliRecordView<BranchListResult> {

    @Override
    public Html html(BranchListResult list) {
        HtmlTable table = new HtmlTable().column("", Align.CENTER).column("branch", Align.LEFT).column("tip", Align.LEFT);
        for (BranchInfo b : list.branches()) {
            table.row(b.current() ? Fragments.badge("coral-head-ref", "HEAD") : null,
                    Html.tag("span", "coral-branch", Html.text(b.name())), Fragments.id(b.tip()));
        }
        int n = list.branches().size();
        return Html.concat(Fragments.head(Html.text("branches"), Html.text(n + (n == 1 ? " branch" : " branches"))),
                table.toHtml());
    }
}
