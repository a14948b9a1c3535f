package dev.coral.core.result;

import dev.coral.core.codec.Codec;
import dev.coral.core.id.ObjectId;

/**
 * How one stored tensor is kept, read from the repository's records without decoding the tensor.
 *
 * <pre>{@code
 * TensorStorage s = repo.storageOf(entry.id());
 * if (s.codec().isDelta()) { ... s.deltaBase(), s.chainDepth() ... }
 * }</pre>
 *
 * @param id          the tensor's id
 * @param rawBytes    its raw size
 * @param storedBytes bytes its encoded payload occupies
 * @param codec       its encoding
 * @param deltaBase   the tensor it is a delta against, or null when stored whole
 * @param chainDepth  deltas a read decodes (0 when stored whole)
 */
public record TensorStorage(ObjectId id, long rawBytes, long storedBytes, Codec codec, ObjectId deltaBase,
                            int chainDepth) {
}
