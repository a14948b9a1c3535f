package dev.coral.magics;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.BranchListResult;
import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.ConfigListResult;
import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.InitResult;
import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.RemoveResult;
import dev.coral.core.cli.TagListResult;
import dev.coral.core.cli.TagResult;
import dev.coral.core.cli.TextRenderer;
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
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TagInfo;
import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.CellMagic;
import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.lazy.LazyModel;
import dev.coral.magics.render.ShowDetail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralExtensionTest {

    /** Collects what an extension registers, as the kernel's registry would. */
    static final class RecordingRegistry implements ExtensionRegistry {
        final Map<Class<?>, Renderer<?>> renderers = new HashMap<>();

        @Override
        public <T> void addRenderer(Class<T> type, Renderer<? super T> renderer) {
            renderers.put(type, renderer);
        }

        @Override
        public void addLineMagic(String name, LineMagic magic) {
        }

        @Override
        public void addCellMagic(String name, CellMagic magic) {
        }

        @Override
        public void addCellListener(CellListener listener) {
        }

        @SuppressWarnings("unchecked")
        <T> Rendering render(Class<T> type, T value) throws Exception {
            return ((Renderer<T>) renderers.get(type)).render(value);
        }
    }

    @Test
    void serviceLoaderFindsTheExtension() {
        boolean found = ServiceLoader.load(KernelExtension.class).stream()
                .anyMatch(p -> p.type() == CoralExtension.class);
        assertTrue(found, "META-INF/services must list dev.coral.magics.CoralExtension");
    }

    @Test
    void registersARendererForEveryResultRecordAndValue() throws Exception {
        RecordingRegistry registry = new RecordingRegistry();
        new CoralExtension().register(registry);
        for (Class<?> type : new Class<?>[] {StatusResult.class, LogResult.class, CommitResult.class, CommitInfo.class,
                CheckoutResult.class, ShowResult.class, ShowDetail.class, DiffResult.class, StatsResult.class,
                ReflogResult.class, FsckResult.class, CacheStats.class, BranchListResult.class, BranchResult.class,
                BranchInfo.class, TagInfo.class, dev.coral.core.tensor.Tensor.class,
                TagListResult.class, TagResult.class, ConfigListResult.class, ConfigEntry.class, ConfigUpdateResult.class,
                InitResult.class, AddResult.class, RemoveResult.class, ExportResult.class, UsageText.class,
                LazyModel.class, tech.tablesaw.api.Table.class,
                dev.coral.magics.chart.Chart.class, dev.coral.magics.progress.ProgressState.class}) {
            assertTrue(registry.renderers.containsKey(type), "no renderer for " + type.getSimpleName());
        }
        TagInfo info = new TagInfo("v<1>", dev.coral.core.id.ObjectId.fromBytes(new byte[32]), "msg", Map.of(), "ann",
                Instant.EPOCH);
        Rendering tag = registry.render(TagResult.class, new TagResult(RefAction.CREATED, info));
        assertTrue(tag.data().get(Rendering.HTML).contains("Created tag <span class=\"coral-tag\">v&lt;1&gt;</span>"),
                tag.data().get(Rendering.HTML));
        assertEquals(TextRenderer.render(new TagResult(RefAction.CREATED, info)).stripTrailing(), tag.data().get(Rendering.TEXT));
    }
}
