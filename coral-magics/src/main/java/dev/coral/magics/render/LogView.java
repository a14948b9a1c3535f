package dev.coral.magics.render;

import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.LogResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link LogResult} as a commit graph: one row per commit with its lane drawing, id, branch and tag
 * labels, subject, author, time and metrics. The plain-text form is the CLI's graph.
 */
public final class LogView implements CliRecordView<LogResult> {

    @Override
    public Html html(LogResult log) {
        Html head = Fragments.head(Html.text("log " + log.ref()),
                Html.text(log.entries().size() + " commit" + (log.entries().size() == 1 ? "" : "s")
                        + (log.firstParentOnly() ? " · first parents only" : "")));
        if (log.entries().isEmpty()) {
            return Html.concat(head, Html.tag("div", "coral-note", Html.text("no commits yet")));
        }
        List<CommitGraph.Row> rows = CommitGraph.layout(log.entries());
        int columns = rows.stream().mapToInt(CommitGraph.Row::width).max().orElse(1);
        HtmlTable table = new HtmlTable().cssClass("coral-log")
                .column("", Align.LEFT).column("commit", Align.LEFT).column("message", Align.LEFT)
                .column("author", Align.LEFT).column("time", Align.LEFT).column("metrics", Align.LEFT);
        for (int i = 0; i < rows.size(); i++) {
            LogEntry e = log.entries().get(i);
            CommitInfo c = e.commit();
            table.row(Html.tag("span", "coral-graph", GraphSvg.row(rows.get(i), columns, c.isMerge(), e.head())),
                    Fragments.id(c.id()), Html.concat(labels(e), Html.text(c.subject())), c.author(),
                    HumanFormat.time(c.time()), metrics(c.metrics()));
        }
        return Html.concat(head, table.toHtml());
    }

    private static Html labels(LogEntry e) {
        List<Html> parts = new ArrayList<>();
        if (e.head()) {
            parts.add(Fragments.badge("coral-head-ref", "HEAD"));
        }
        e.branches().forEach(b -> parts.add(Fragments.badge("coral-branch", b)));
        e.tags().forEach(t -> parts.add(Fragments.badge("coral-tag", "tag: " + t)));
        return Html.concat(parts.toArray(new Html[0]));
    }

    private static Html metrics(Map<String, Double> metrics) {
        return Html.tag("span", "coral-muted", Html.text(HumanFormat.metrics(metrics)));
    }
}
