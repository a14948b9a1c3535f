package dev.coral.magics.magic;

import dev.coral.kernel.api.ExtensionRegistry;

/**
 * Adds {@code %coral} / {@code %%coral} and the renderers of the command-layer records to a kernel.
 *
 * <pre>{@code
 * CoralMagics.register(registry);    // in a KernelExtension
 * }</pre>
 */
public final class CoralMagics {
    private CoralMagics() {
    }

    /** Registers a {@link CoralMagic} working in the kernel's working directory, and its renderers. */
    public static void register(ExtensionRegistry registry) {
        CoralMagic coral = CoralMagic.forKernel();
        registry.addLineMagic(CoralMagic.NAME, coral);
        registry.addCellMagic(CoralMagic.NAME, coral);
        CommandResultViews.register(registry);
    }
}
