package dev.coral.magics.render;

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
import dev.coral.core.cli.UsageText;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.ConfigEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.GcResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TagInfo;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.ExtensionRegistry;

import java.util.List;

/**
 * Registers an HTML + text renderer for every value a Coral verb returns: the records of
 * {@code dev.coral.core.result}, the CLI's command results of {@code dev.coral.core.cli}
 * ({@code BranchListResult}, {@code AddResult}, {@code UsageText} …), {@link ShowDetail}, and a
 * {@code Tensor} itself (statistics and histogram). The text
 * form is the CLI's ({@code TextRenderer}); a single {@link BranchInfo}, {@link TagInfo} or
 * {@link ConfigEntry} (what {@code Repository.createBranch}, {@code createTag} and {@code config().set} return)
 * renders as a one-row list.
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
        registry.addRenderer(CacheStats.class, new CacheStatsView());
        registry.addRenderer(Tensor.class, new TensorView());
        BranchesView branches = new BranchesView();
        registry.addRenderer(BranchListResult.class, branches);
        registry.addRenderer(BranchInfo.class, b -> branches.render(new BranchListResult(List.of(b))));
        registry.addRenderer(BranchResult.class, new RefChangeView.Branch());
        TagsView tags = new TagsView();
        registry.addRenderer(TagListResult.class, tags);
        registry.addRenderer(TagInfo.class, t -> tags.render(new TagListResult(List.of(t))));
        registry.addRenderer(TagResult.class, new RefChangeView.Tag());
        ConfigView config = new ConfigView();
        registry.addRenderer(ConfigListResult.class, config);
        registry.addRenderer(ConfigEntry.class, e -> config.render(new ConfigListResult(List.of(e))));
        registry.addRenderer(ConfigUpdateResult.class, new RepositoryChangeView.ConfigUpdate());
        registry.addRenderer(InitResult.class, new RepositoryChangeView.Init());
        registry.addRenderer(AddResult.class, new RepositoryChangeView.Add());
        registry.addRenderer(RemoveResult.class, new RepositoryChangeView.Remove());
        registry.addRenderer(ExportResult.class, new RepositoryChangeView.Export());
        registry.addRenderer(RepackResult.class, new RepositoryChangeView.Repack());
        registry.addRenderer(GcResult.class, new RepositoryChangeView.Gc());
        registry.addRenderer(UsageText.class, new RepositoryChangeView.Usage());
    }
}
