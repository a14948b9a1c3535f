package dev.coral.core.cli;

import java.nio.file.Path;

/**
 * What {@code coral init} made.
 *
 * @param root the directory that now holds {@code .coral/}
 */
public record InitResult(Path root) {
}
