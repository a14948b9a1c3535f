/**
 * JShell in this JVM: snippet evaluation with raw values and exceptions
 * ({@link dev.coral.kernel.shell.RawValueExecutionControl}), one thread per piece of notebook code
 * with interrupt-then-stop ({@link dev.coral.kernel.shell.UserCodeRunner}), the notebook's class
 * loader, and the source analysis behind splitting, completion and is-complete.
 */
package dev.coral.kernel.shell;
