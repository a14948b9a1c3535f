package dev.coral.core.cli;

import dev.coral.core.id.ObjectId;

import java.nio.file.Path;

/**
 * What {@code coral export} wrote.
 *
 * @param file    the file written
 * @param ref     the ref exported, as given
 * @param commit  the commit it resolved to
 * @param tensors how many tensors the file holds
 * @param bytes   the file's size in bytes
 */
public record ExportResult(Path file, String ref, ObjectId commit, int tensors, long bytes) {
}
