package dev.coral.magics;

import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.magics.chart.Chart;
import dev.coral.magics.chart.ChartView;
import dev.coral.magics.lazy.LazyModel;
import dev.coral.magics.lazy.LazyModelView;
import dev.coral.magics.magic.CoralMagics;
import dev.coral.magics.progress.ProgressState;
import dev.coral.magics.progress.ProgressView;
import dev.coral.magics.render.CoralRenderers;
import dev.coral.magics.report.TableView;
import tech.tablesaw.api.Table;

/**
 * The Coral notebook extension, found by the kernel through
 * {@code META-INF/services/dev.coral.kernel.api.KernelExtension}: renderers for every Coral value.
 * Magics are added here too, one {@code registry.add…} line each.
 */
public final class CoralExtension implements KernelExtension {

    @Override
    public void register(ExtensionRegistry registry) {
        CoralRenderers.register(registry);
        registry.addRenderer(LazyModel.class, new LazyModelView());
        CoralMagics.register(registry);
        registry.addRenderer(Table.class, new TableView());
        registry.addRenderer(Chart.class, new ChartView());
        registry.addRenderer(ProgressState.class, new ProgressView());
    }
}
