package dev.coral.magics.render;

import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TensorEntry;

/** A {@link StatusResult}: where HEAD is, then the staged changes as a table. */
public final class StatusView implements CliRecordView<StatusResult> {

    @Override
    public Html html(StatusResult status) {
        Html head = Fragments.head(Html.text(where(status)),
                Html.text(status.isClean() ? "nothing staged" : status.staged().size() + " staged change"
                        + (status.staged().size() == 1 ? "" : "s")));
        if (status.isClean()) {
            return head;
        }
        HtmlTable table = new HtmlTable().column("status", Align.LEFT).column("tensor", Align.LEFT)
                .column("dtype", Align.LEFT).column("shape", Align.LEFT).column("size", Align.RIGHT);
        table.rows(status.staged(), e -> {
            TensorEntry t = e.to() != null ? e.to() : e.from();
            return new Object[] {Fragments.status(e.status()), Fragments.name(e.name()),
                    t == null ? null : t.dtype().label(), t == null ? null : HumanFormat.shape(t.shape()),
                    t == null ? null : Fragments.bytes(t.bytes())};
        });
        return Html.concat(head, table.toHtml());
    }

    private static String where(StatusResult status) {
        if (status.detached()) {
            return "HEAD detached at " + Fragments.shortId(status.head());
        }
        return "On branch " + status.branch() + (status.head() == null ? " (no commits yet)" : " at " + status.head().shortHex());
    }
}
