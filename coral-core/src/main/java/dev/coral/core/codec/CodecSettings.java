package dev.coral.core.codec;

/**
 * Tuning of the encoder.
 *
 * @param zstdLevel     zstd compression level
 * @param maxChainDepth longest chain of deltas a read may have to decode; past it a full copy is stored
 */
public record CodecSettings(int zstdLevel, int maxChainDepth) {
    /** Level 1 and chains of at most 8 deltas. */
    public static final CodecSettings DEFAULT = new CodecSettings(1, 8);
}
