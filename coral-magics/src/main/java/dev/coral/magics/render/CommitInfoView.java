package dev.coral.magics.render;

import dev.coral.core.result.CommitInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link CommitInfo} as a card: id, parents, author, time, metrics and the whole message. */
public final class CommitInfoView implements CliRecordView<CommitInfo> {

    @Override
    public Html html(CommitInfo c) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("commit", Fragments.id(c.id()));
        if (!c.parents().isEmpty()) {
            rows.put(c.isMerge() ? "parents" : "parent", Html.concat(c.parents().stream().map(p -> Html.concat(Fragments.id(p), Html.raw(" ")))
                    .toArray(Html[]::new)));
        }
        rows.put("author", c.author());
        rows.put("time", HumanFormat.time(c.time()));
        c.metrics().forEach((k, v) -> rows.put("metric " + k, Fragments.number(v)));
        rows.put("message", Html.tag("span", "coral-wrap", Html.text(c.message())));
        return Fragments.keyValues(rows);
    }
}
