package dev.coral.magics.render;

import dev.coral.core.result.ConfigEntry;

/** A {@link ConfigList}: key, value (marked when it is the default) and what the key controls. */
public final class ConfigView implements RecordView<ConfigList> {

    @Override
    public Html html(ConfigList list) {
        HtmlTable table = new HtmlTable().column("key", Align.LEFT).column("value", Align.LEFT)
                .column("", Align.LEFT).column("description", Align.LEFT);
        for (ConfigEntry e : list.entries()) {
            table.row(Html.tag("code", Html.text(e.key())), Html.tag("code", Html.text(e.value())),
                    e.isDefault() ? Html.tag("span", "coral-muted", Html.text("default")) : null,
                    Html.tag("span", "coral-wrap", Html.text(e.description())));
        }
        return Html.concat(Fragments.head(Html.text("config"), Html.empty()), table.toHtml());
    }

    @Override
    public String text(ConfigList list) {
        StringBuilder sb = new StringBuilder();
        for (ConfigEntry e : list.entries()) {
            sb.append(sb.isEmpty() ? "" : "\n").append(e.key()).append('=').append(e.value())
                    .append(e.isDefault() ? "  (default)" : "");
        }
        return sb.toString();
    }
}
