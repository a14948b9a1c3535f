package dev.coral.magics;

import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.KernelExtension;
import dev.coral.magics.lazy.CacheStats;
import dev.coral.magics.lazy.CacheStatsView;
import dev.coral.magics.lazy.LazyModel;
import dev.coral.magics.lazy.LazyModelView;
import dev.coral.magics.magic.CoralMagics;
import dev.coral.magics.render.CoralRenderers;

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
        registry.addRenderer(CacheStats.class, new CacheStatsView());
        CoralMagics.register(registry);
    }
}
