package dev.coral.magics.render;

import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.ConfigEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TagInfo;
import dev.coral.kernel.api.ExtensionRegistry;

import java.util.List;

/**
 * Registers an HTML + text renderer for every result record of {@code dev.coral.core.result}, and for
 * the list wrappers {@link BranchList}, {@link TagList}, {@link ConfigList} and {@link ShowDetail}.
 * A single {@link BranchInfo}, {@link TagInfo} or {@link ConfigEntry} renders as a one-row list.
 *
 * <pre>{@code
 * CoralRenderers.register(registry);    // in a KernelExtension
 * }</pre>
 */
public final class CoralRenderers {
    private CoralRenderers() {
    }

    /** Adds the renderers to {@code registry}. */
    public static void register(ExtensionRegistry registry) {
        registry.addRenderer(StatusResult.class, new StatusView());
        registry.addRenderer(LogResult.class, new LogView());
        registry.addRenderer(CommitResult.class, new CommitView());
        registry.addRenderer(CommitInfo.class, new CommitInfoView());
        registry.addRenderer(CheckoutResult.class, new CheckoutView());
        registry.addRenderer(ShowResult.class, new ShowView());
        registry.addRenderer(ShowDetail.class, new ShowDetailView());
        registry.addRenderer(DiffResult.class, new DiffView());
        registry.addRenderer(StatsResult.class, new StatsView());
        registry.addRenderer(ReflogResult.class, new ReflogView());
        registry.addRenderer(FsckResult.class, new FsckView());
        BranchesView branches = new BranchesView();
        registry.addRenderer(BranchList.class, branches);
        registry.addRenderer(BranchInfo.class, b -> branches.render(new BranchList(List.of(b))));
        TagsView tags = new TagsView();
        registry.addRenderer(TagList.class, tags);
        registry.addRenderer(TagInfo.class, t -> tags.render(new TagList(List.of(t))));
        ConfigView config = new ConfigView();
        registry.addRenderer(ConfigList.class, config);
        registry.addRenderer(ConfigEntry.class, e -> config.render(new ConfigList(List.of(e))));
    }
}
