package dev.coral.kernel.api;

/**
 * A kernel extension, discovered with {@link java.util.ServiceLoader}.
 *
 * <p>List the implementation in {@code META-INF/services/dev.coral.kernel.api.KernelExtension}. The
 * class needs a public no-argument constructor. Each extension class is registered once per kernel,
 * even when its jar is found again.
 *
 * <pre>{@code
 * public final class HelloExtension implements KernelExtension {
 *     public void register(ExtensionRegistry registry) {
 *         registry.addLineMagic("hello", (args, context) -> "Hello, " + String.join(" ", args.tokens()));
 *     }
 * }
 * }</pre>
 */
public interface KernelExtension {

    /** Adds this extension's renderers, magics and listeners to the kernel. */
    void register(ExtensionRegistry registry);
}
