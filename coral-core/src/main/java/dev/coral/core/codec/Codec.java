package dev.coral.core.codec;

/**
 * Physical encodings of a stored tensor. All are lossless: decoding gives back the exact bytes.
 * The ordinal is written in every payload header: constants may be added at the end, never reordered.
 */
public enum Codec {
    /** The raw little-endian bytes. */
    RAW,
    /** Byte-plane shuffle, then zstd. */
    SHUFFLE_ZSTD,
    /** XOR against a base tensor's bits, byte-plane shuffle, then zstd. */
    XOR_DELTA,
    /**
     * Integer difference against a base tensor's order-preserving bit patterns, split per element into
     * packed low bits and a zstd-compressed high byte; see {@code DifferenceDelta}. Smaller than
     * {@link #XOR_DELTA} when every element moved a little (e.g. a fine-tuning step).
     */
    DIFF_DELTA;

    /** True for the encodings stored against a base tensor. */
    public boolean isDelta() {
        return this == XOR_DELTA || this == DIFF_DELTA;
    }
}
