package dev.coral.magics.render;

import dev.coral.core.result.ReflogEntry;
import dev.coral.core.result.ReflogResult;

import java.util.List;

/** A {@link ReflogResult}: {@code ref@{n}}, the move (old → new), why, and when; newest first. */
public final class ReflogView implements CliRecordView<ReflogResult> {

    @Override
    public Html html(ReflogResult reflog) {
        HtmlTable table = new HtmlTable().column("entry", Align.LEFT).column("from", Align.LEFT).column("to", Align.LEFT)
                .column("action", Align.LEFT).column("time", Align.LEFT);
        List<ReflogEntry> entries = reflog.entries();
        for (int i = 0; i < entries.size(); i++) {
            ReflogEntry e = entries.get(i);
            table.row(Fragments.name(reflog.ref() + "@{" + i + "}"), Fragments.id(e.oldId()), Fragments.id(e.newId()),
                    Html.tag("span", "coral-wrap", Html.text(e.message())), HumanFormat.time(e.time()));
        }
        return Html.concat(Fragments.head(Html.text("reflog " + reflog.ref()),
                Html.text(entries.size() + " move" + (entries.size() == 1 ? "" : "s"))), table.toHtml());
    }
}
