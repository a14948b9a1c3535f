package dev.coral.magics.render;

import dev.coral.core.result.TagInfo;

import java.util.Map;
import java.util.stream.Collectors;

/** A {@link TagList}: each tag's target, metrics, message, tagger and time. */
public final class TagsView implements RecordView<TagList> {

    @Override
    public Html html(TagList list) {
        HtmlTable table = new HtmlTable().column("tag", Align.LEFT).column("commit", Align.LEFT)
                .column("metrics", Align.LEFT).column("message", Align.LEFT).column("tagger", Align.LEFT)
                .column("time", Align.LEFT);
        for (TagInfo t : list.tags()) {
            table.row(Html.tag("span", "coral-tag", Html.text(t.name())), Fragments.id(t.target()), metrics(t.metrics()),
                    Html.tag("span", "coral-wrap", Html.text(t.message())), t.tagger(), HumanFormat.time(t.time()));
        }
        return Html.concat(Fragments.head(Html.text("tags"),
                Html.text(list.tags().size() + " tag" + (list.tags().size() == 1 ? "" : "s"))), table.toHtml());
    }

    @Override
    public String text(TagList list) {
        if (list.tags().isEmpty()) {
            return "no tags";
        }
        TextTable table = new TextTable().column("tag", Align.LEFT).column("commit", Align.LEFT)
                .column("metrics", Align.LEFT).column("message", Align.LEFT);
        list.tags().forEach(t -> table.row(t.name(), t.target().shortHex(), metrics(t.metrics()), firstLine(t.message())));
        return table.toString();
    }

    private static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream().map(m -> m.getKey() + "=" + HumanFormat.number(m.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
