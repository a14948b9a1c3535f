package dev.coral.core.result;

import dev.coral.core.codec.Codec;

/**
 * How many stored tensors use one encoding, and their sizes.
 *
 * @param codec       the encoding
 * @param objects     distinct tensors stored with it
 * @param rawBytes    their raw size
 * @param storedBytes their encoded size
 */
public record CodecUsage(Codec codec, long objects, long rawBytes, long storedBytes) {
}
