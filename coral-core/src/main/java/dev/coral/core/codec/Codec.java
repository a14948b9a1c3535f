package dev.coral.core.codec;

/** Physical encodings of a stored tensor. All are lossless: decoding gives back the exact bytes. */
public enum Codec {
    /** The raw little-endian bytes. */
    RAW,
    /** Byte-plane shuffle, then zstd. */
    SHUFFLE_ZSTD,
    /** XOR against a base tensor's bits, byte-plane shuffle, then zstd. */
    XOR_DELTA
}
