package dev.coral.core.result;

import dev.coral.core.tensor.TensorComparison;

/**
 * One difference between two trees.
 *
 * <ul>
 *   <li>{@code ADDED}: {@code from} is null.</li>
 *   <li>{@code REMOVED}: {@code to} is null.</li>
 *   <li>{@code MODIFIED}: both present under {@code name}; {@code comparison} is set when dtype and shape
 *       are unchanged (and comparisons were asked for), else null.</li>
 *   <li>{@code RENAMED}: {@code from.name()} is the old name, {@code to.name()} (= {@code name}) the new one,
 *       and the ids are equal.</li>
 * </ul>
 *
 * @param name       the tensor's name (the new name for a rename, the old one for a removal)
 * @param status     the kind of difference
 * @param from       the tensor in the older tree, or null
 * @param to         the tensor in the newer tree, or null
 * @param comparison L2, cosine, max |Δ| and fraction of changed elements for a modified tensor, or null
 */
public record DiffEntry(String name, DiffStatus status, TensorEntry from, TensorEntry to,
                        TensorComparison comparison) {
}
