package dev.coral.magics.render;

import dev.coral.core.result.BranchInfo;

/** A {@link BranchList}: the current branch marked, each with its tip. */
public final class BranchesView implements RecordView<BranchList> {

    @Override
    public Html html(BranchList list) {
        HtmlTable table = new HtmlTable().column("", Align.CENTER).column("branch", Align.LEFT).column("tip", Align.LEFT);
        for (BranchInfo b : list.branches()) {
            table.row(b.current() ? Fragments.badge("coral-head-ref", "HEAD") : null,
                    Html.tag("span", "coral-branch", Html.text(b.name())), Fragments.id(b.tip()));
        }
        return Html.concat(Fragments.head(Html.text("branches"), Html.text(count(list))), table.toHtml());
    }

    @Override
    public String text(BranchList list) {
        StringBuilder sb = new StringBuilder();
        for (BranchInfo b : list.branches()) {
            sb.append(sb.isEmpty() ? "" : "\n").append(b.current() ? "* " : "  ").append(b.name()).append("  ")
                    .append(Fragments.shortId(b.tip()));
        }
        return sb.isEmpty() ? "no branches" : sb.toString();
    }

    private static String count(BranchList list) {
        return list.branches().size() + " branch" + (list.branches().size() == 1 ? "" : "es");
    }
}
