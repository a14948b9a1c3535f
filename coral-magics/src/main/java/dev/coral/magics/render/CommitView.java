package dev.coral.magics.render;

import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffStatus;

import java.util.List;

/** A {@link CommitResult}: {@code [main 3fa2c1…] message}, what changed and what was written. */
public final class CommitView implements CliRecordView<CommitResult> {

    @Override
    public Html html(CommitResult result) {
        Html title = Html.concat(Html.text("[" + (result.branch() == null ? "detached HEAD" : result.branch()) + " "),
                Fragments.id(result.commit().id()), Html.text("] " + result.commit().subject()));
        Html head = Fragments.head(title, Html.text(counts(result)));
        HtmlTable table = new HtmlTable().column("status", Align.LEFT).column("tensor", Align.LEFT);
        addRows(table, DiffStatus.ADDED, result.added());
        addRows(table, DiffStatus.MODIFIED, result.modified());
        addRows(table, DiffStatus.REMOVED, result.removed());
        Html note = result.rebased()
                ? Html.tag("div", "coral-note", Html.text("the branch had moved; this commit was replayed on its new tip"))
                : Html.empty();
        return table.rowCount() == 0 ? Html.concat(head, note) : Html.concat(head, table.toHtml(), note);
    }

    private static String counts(CommitResult r) {
        return r.added().size() + " added · " + r.modified().size() + " modified · " + r.removed().size() + " removed · "
                + r.newObjects() + " new object" + (r.newObjects() == 1 ? "" : "s") + ", "
                + HumanFormat.bytes(r.bytesWritten()) + " written";
    }

    private static void addRows(HtmlTable table, DiffStatus status, List<String> names) {
        names.forEach(n -> table.row(Fragments.status(status), Fragments.name(n)));
    }
}
