package dev.coral.magics;

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
import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.CellMagic;
import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.lazy.CacheStats;
import dev.coral.magics.lazy.LazyModel;
import dev.coral.magics.render.BranchList;
import dev.coral.magics.render.ConfigList;
import dev.coral.magics.render.ShowDetail;
import dev.coral.magics.render.TagList;
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
                ReflogResult.class, FsckResult.class, BranchList.class, BranchInfo.class, TagList.class, TagInfo.class,
                ConfigList.class, ConfigEntry.class, LazyModel.class, CacheStats.class, tech.tablesaw.api.Table.class,
                dev.coral.magics.chart.Chart.class, dev.coral.magics.progress.ProgressState.class}) {
            assertTrue(registry.renderers.containsKey(type), "no renderer for " + type.getSimpleName());
        }
        Rendering tag = registry.render(TagInfo.class, new TagInfo("v<1>", dev.coral.core.id.ObjectId.fromBytes(new byte[32]),
                "msg", Map.of(), "ann", Instant.EPOCH));
        assertTrue(tag.data().get(Rendering.HTML).contains("v&lt;1&gt;"));
        assertEquals("tag   commit        metrics  message\nv<1>  000000000000           msg",
                tag.data().get(Rendering.TEXT));
    }
}
