/**
 * The Coral Java kernel: a Jupyter kernel running JShell in its own JVM, open to extensions
 * ({@link dev.coral.kernel.api}).
 *
 * <h2>How a cell runs</h2>
 * {@link dev.coral.kernel.KernelSession} is the notebook session without any protocol. A cell is
 * parsed for magics ({@link dev.coral.kernel.magic.CellParser}): a first line {@code %%name} makes the
 * whole cell a cell magic; otherwise the cell is Java split around line magics. Java is split into
 * JShell snippets, each evaluated on a thread of its own; a line magic runs when its line is reached,
 * so the statements above it have run. {@code var d = %name args} runs the magic, holds its value, and
 * evaluates {@code var d = ((Type) MagicResults.take(n));} where {@code Type} is the most specific
 * type of the value that cell code can name: the variable keeps its static type.
 *
 * <p>The value of a cell is the value of its last snippet when that is an expression. A bare
 * expression is evaluated as {@code ValueCapture.capture(() -> expression);} rather than as JShell's
 * temporary variable ({@code $1}): JShell imports every variable into each later compilation, so each
 * temporary variable makes every later cell slower to compile (measured, two sessions interleaved in
 * one JVM: after 400 cells a trivial cell compiled in 14 ms captured against 32 ms as temporary
 * variables). Consequently expressions do not create {@code $n} variables.
 *
 * <h2>Class loading</h2>
 * JShell runs in this JVM with a loader delegate over {@link dev.coral.kernel.shell.SnippetClassLoader},
 * a child of the kernel's loader. Jars added at start ({@code --ext DIR}, {@code CORAL_KERNEL_CLASSPATH})
 * or by {@code %classpath}/{@code %jars} go to JShell (compiler and loader) first; then extensions are
 * discovered with {@link java.util.ServiceLoader} through that loader, so an extension's renderer types
 * are the very classes cell code uses.
 *
 * <h2>Interrupts</h2>
 * An interrupt request interrupts the threads running notebook code and, after a grace period of
 * 500 ms, stops those still running with {@link Thread#stop()} (Java 17): {@code while (true) {}} ends,
 * and the kernel stays usable. The interrupt holds until the next cell.
 *
 * <h2>Protocol</h2>
 * {@link dev.coral.kernel.protocol.CoralKernel} adapts the session to jjava-jupyter's {@code BaseKernel};
 * {@link dev.coral.kernel.protocol.LowLatencyConnection} replaces jjava's polling shell and control
 * loops (50 ms sleeps) with threads that block in {@code poll}. {@link dev.coral.kernel.KernelMain}
 * binds the sockets first and starts JShell next, and exits when Jupyter's process dies
 * ({@code JPY_PARENT_PID}).
 */
package dev.coral.kernel;
