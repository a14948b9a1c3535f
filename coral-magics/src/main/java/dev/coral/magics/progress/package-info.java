/**
 * Progress of long operations in a notebook: {@link dev.coral.magics.progress.ProgressBar} implements the
 * CLI's {@code dev.coral.core.cli.Progress} and shows a {@link dev.coral.magics.progress.ProgressState}
 * that it replaces in place through the kernel's {@code Displayer}, at most every 100 ms.
 */
package dev.coral.magics.progress;
