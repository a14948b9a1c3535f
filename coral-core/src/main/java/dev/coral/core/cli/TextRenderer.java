package dev.coral.core.cli;

import dev.coral.core.cli.text.ChangesText;
import dev.coral.core.cli.text.HistoryText;
import dev.coral.core.cli.text.RefsText;
import dev.coral.core.cli.text.RepositoryText;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Plain-text renderings of every result record a command returns: what the CLI prints and what the
 * notebook shows as {@code text/plain}. Aligned columns, sizes in KiB/MiB, 12-digit short ids, times in
 * the local zone; every rendering ends with a newline.
 *
 * <pre>{@code
 * String text = TextRenderer.render(repo.diff("HEAD~1", "HEAD"));
 * }</pre>
 */
public final class TextRenderer {
    private static final Map<Class<?>, Function<Object, String>> RENDERERS = new LinkedHashMap<>();

    static {
        on(InitResult.class, RepositoryText::init);
        on(AddResult.class, RepositoryText::add);
        on(RemoveResult.class, RepositoryText::remove);
        on(CommitResult.class, ChangesText::commit);
        on(StatusResult.class, ChangesText::status);
        on(DiffResult.class, ChangesText::diff);
        on(LogResult.class, HistoryText::log);
        on(ReflogResult.class, HistoryText::reflog);
        on(ShowResult.class, HistoryText::show);
        on(CommitInfo.class, HistoryText::commitHeader);
        on(CheckoutResult.class, RefsText::checkout);
        on(BranchListResult.class, RefsText::branches);
        on(BranchResult.class, RefsText::branch);
        on(TagListResult.class, RefsText::tags);
        on(TagResult.class, RefsText::tag);
        on(ExportResult.class, RepositoryText::export);
        on(StatsResult.class, RepositoryText::stats);
        on(RepackResult.class, RepositoryText::repack);
        on(GcResult.class, RepositoryText::gc);
        on(CacheStats.class, RepositoryText::cache);
        on(FsckResult.class, RepositoryText::fsck);
        on(ConfigListResult.class, RepositoryText::configList);
        on(ConfigEntry.class, RepositoryText::configEntry);
        on(ConfigUpdateResult.class, RepositoryText::configUpdate);
        on(UsageText.class, UsageText::text);
    }

    private TextRenderer() {
    }

    private static <T> void on(Class<T> type, Function<T, String> renderer) {
        RENDERERS.put(type, value -> renderer.apply(type.cast(value)));
    }

    /** True when {@link #render} has a rendering for {@code type} rather than falling back to {@code toString()}. */
    public static boolean supports(Class<?> type) {
        return RENDERERS.containsKey(type);
    }

    /**
     * The text of {@code result}; for a type without a rendering, its {@code toString()} and a newline.
     */
    public static String render(Object result) {
        Function<Object, String> renderer = result == null ? null : RENDERERS.get(result.getClass());
        return renderer != null ? renderer.apply(result) : result + "\n";
    }
}
