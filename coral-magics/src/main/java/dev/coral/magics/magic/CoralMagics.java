package dev.coral.magics.magic;

import dev.coral.kernel.api.ExtensionRegistry;

/**
 * Adds {@code %coral} / {@code %%coral} to a kernel (the renderers of their results are
 * {@link dev.coral.magics.render.CoralRenderers}).
 *
 * <pre>{@code
 * CoralMagics.register(registry);    // in a KernelExtension
 * }</pre>
 */
public final class CoralMagics {
    private CoralMagics() {
    }

    /** Registers a {@link CoralMagic} working in the kernel's working directory. */
    public static void register(ExtensionRegistry registry) {
        CoralMagic coral = CoralMagic.forKernel();
        registry.addLineMagic(CoralMagic.NAME, coral);
        registry.addCellMagic(CoralMagic.NAME, coral);
    }
}
