package dev.coral.magics.render;

import dev.coral.core.cli.ConfigListResult;
import dev.coral.core.result.ConfigEntry;

/** A {@link ConfigListResult} ({@code coral config}): key, value (marked when default) and what it controls. */
public final class ConfigView implements CliRecordView<ConfigListResult> {

    @Override
    public Html html(ConfigListResult list) {
        HtmlTable table = new HtmlTable().column("key", Align.LEFT).column("value", Align.LEFT)
                .column("", Align.LEFT).column("description", Align.LEFT);
        for (ConfigEntry e : list.entries()) {
            table.row(Fragments.name(e.key()), Fragments.name(e.value()),
                    e.isDefault() ? Html.tag("span", "coral-muted", Html.text("default")) : null,
                    Html.tag("span", "coral-wrap", Html.text(e.description())));
        }
        return Html.concat(Fragments.head(Html.text("config"), Html.empty()), table.toHtml());
    }
}
