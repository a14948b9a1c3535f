package dev.coral.magics.render;

import dev.coral.core.cli.TagListResult;
import dev.coral.core.result.TagInfo;

/** A {@link TagListResult} ({@code coral tag}): each tag's target, metrics, message, tagger and time. */
public final class TagsView implements CliRecordView<TagListResult> {

    @Override
    public Html html(TagListResult list) {
        HtmlTable table = new HtmlTable().column("tag", Align.LEFT).column("commit", Align.LEFT)
                .column("metrics", Align.LEFT).column("message", Align.LEFT).column("tagger", Align.LEFT)
                .column("time", Align.LEFT);
        for (TagInfo t : list.tags()) {
            table.row(Html.tag("span", "coral-tag", Html.text(t.name())), Fragments.id(t.target()), HumanFormat.metrics(t.metrics()),
                    Html.tag("span", "coral-wrap", Html.text(t.message())), t.tagger(), HumanFormat.time(t.time()));
        }
        int n = list.tags().size();
        return Html.concat(Fragments.head(Html.text("tags"), Html.text(n + (n == 1 ? " tag" : " tags"))), table.toHtml());
    }
}
