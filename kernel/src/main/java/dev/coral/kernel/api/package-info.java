/**
 * The extension API of the Coral Java kernel: the only package an extension jar compiles against.
 *
 * <p>An extension is a class implementing {@link dev.coral.kernel.api.KernelExtension}, listed in
 * {@code META-INF/services/dev.coral.kernel.api.KernelExtension} of its jar. The kernel finds it with
 * {@link java.util.ServiceLoader} when it starts (jars of the kernelspec's {@code ext/} directory and
 * of {@code CORAL_KERNEL_CLASSPATH}) and again whenever {@code %classpath} or {@code %jars} adds jars.
 * Its {@code register} method adds renderers, line and cell magics, and cell listeners:
 *
 * <pre>{@code
 * public final class WeatherExtension implements KernelExtension {
 *     public void register(ExtensionRegistry registry) {
 *         registry.addRenderer(Forecast.class, f -> Rendering.html("<b>" + f.summary() + "</b>"));
 *         registry.addLineMagic("forecast", (args, context) -> {
 *             MagicOptions options = args.options("d", "days");
 *             int days = Integer.parseInt(options.value("days").orElse("3"));
 *             return Forecast.fetch(options.positionals().get(0), days);   // a value, with its type
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>In a cell, {@code var f = %forecast --days=5 Paris} assigns the magic's result with its own
 * static type ({@code Forecast}), so the next cell may call {@code f.summary()}.
 *
 * <p>The package has no dependency outside the JDK and changes only compatibly.
 */
package dev.coral.kernel.api;
