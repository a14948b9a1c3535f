package dev.coral.core.result;

import dev.coral.core.codec.Codec;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.TensorStats;

/**
 * A tensor as {@code coral show REF:TENSOR} describes it: what it is, how it is stored, and its values'
 * statistics.
 *
 * @param entry       name, id, dtype, shape and raw size
 * @param storedBytes bytes its encoded form occupies
 * @param codec       how it is stored
 * @param deltaBase   the tensor it is stored as a delta against, or null
 * @param chainDepth  number of deltas a read decodes (0 when stored whole)
 * @param stats       min / max / mean / std and NaN / Inf counts of its values
 */
public record TensorSummary(TensorEntry entry, long storedBytes, Codec codec, ObjectId deltaBase, int chainDepth,
                            TensorStats stats) {
}
