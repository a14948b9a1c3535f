package dev.coral.magics.magic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.BranchListResult;
import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.ConfigListResult;
import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.InitResult;
import dev.coral.core.cli.RemoveResult;
import dev.coral.core.cli.TagListResult;
import dev.coral.core.cli.TagResult;
import dev.coral.core.cli.TextRenderer;
import dev.coral.core.result.TensorEntry;
import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.render.Align;
import dev.coral.magics.render.BranchList;
import dev.coral.magics.render.BranchesView;
import dev.coral.magics.render.ConfigList;
import dev.coral.magics.render.ConfigView;
import dev.coral.magics.render.Fragments;
import dev.coral.magics.render.Html;
import dev.coral.magics.render.HtmlTable;
import dev.coral.magics.render.HumanFormat;
import dev.coral.magics.render.Stylesheet;
import dev.coral.magics.render.TagList;
import dev.coral.magics.render.TagsView;

/**
 * Renderers for the records only the command layer makes ({@code init}, {@code add}, {@code rm},
 * {@code branch}, {@code tag}, {@code export}, {@code config}): HTML in the Coral style, built from the
 * engine-record views where one exists, and the CLI's own text ({@link TextRenderer}) as plain text.
 */
final class CommandResultViews {
    private CommandResultViews() {
    }

    static void register(ExtensionRegistry registry) {
        BranchesView branches = new BranchesView();
        TagsView tags = new TagsView();
        ConfigView config = new ConfigView();
        add(registry, InitResult.class, r -> head("initialized an empty repository", r.root().toString()));
        add(registry, AddResult.class, CommandResultViews::added);
        add(registry, RemoveResult.class, r -> head("staged the removal of " + count(r.names().size()),
                String.join(", ", r.names())));
        add(registry, BranchListResult.class, r -> branches.html(new BranchList(r.branches())));
        add(registry, BranchResult.class, r -> Html.concat(
                head("branch " + r.branch().name() + " " + action(r.action().name()), ""),
                branches.html(new BranchList(java.util.List.of(r.branch())))));
        add(registry, TagListResult.class, r -> tags.html(new TagList(r.tags())));
        add(registry, TagResult.class, r -> Html.concat(head("tag " + r.tag().name() + " " + action(r.action().name()), ""),
                tags.html(new TagList(java.util.List.of(r.tag())))));
        add(registry, ExportResult.class, r -> {
            Map<String, Object> rows = new LinkedHashMap<>();
            rows.put("file", r.file().toString());
            rows.put("commit", Html.concat(Html.text(r.ref() + " @ "), Fragments.id(r.commit())));
            rows.put("tensors", HumanFormat.count(r.tensors()));
            rows.put("size", Fragments.bytes(r.bytes()));
            return Html.concat(head("exported", ""), Fragments.keyValues(rows));
        });
        add(registry, ConfigListResult.class, r -> config.html(new ConfigList(r.entries())));
        add(registry, ConfigUpdateResult.class, r -> {
            Map<String, Object> rows = new LinkedHashMap<>();
            rows.put("before", r.previous() == null ? "(unset)" : r.previous().key() + " = " + r.previous().value());
            rows.put("now", r.current() == null ? "(unset)" : r.current().key() + " = " + r.current().value());
            return Html.concat(head("setting changed", ""), Fragments.keyValues(rows));
        });
    }

    private static Html added(AddResult r) {
        HtmlTable table = new HtmlTable().column("tensor", Align.LEFT).column("dtype", Align.LEFT)
                .column("shape", Align.LEFT).column("size", Align.RIGHT);
        long bytes = 0;
        for (TensorEntry e : r.staged()) {
            table.row(Html.tag("code", Html.text(e.name())), e.dtype().label(), HumanFormat.shape(e.shape()),
                    Fragments.bytes(e.bytes()));
            bytes += e.bytes();
        }
        return Html.concat(head("staged " + count(r.staged().size()), HumanFormat.bytes(bytes) + " from "
                + String.join(", ", r.sources())), table.toHtml());
    }

    private static <T> void add(ExtensionRegistry registry, Class<T> type, Function<T, Html> html) {
        registry.addRenderer(type, value -> Rendering.html(Stylesheet.page(html.apply(value)))
                .withText(TextRenderer.render(value)));
    }

    private static Html head(String title, String detail) {
        return Fragments.head(Html.text(title), Html.text(detail));
    }

    private static String count(int tensors) {
        return tensors + (tensors == 1 ? " tensor" : " tensors");
    }

    private static String action(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
