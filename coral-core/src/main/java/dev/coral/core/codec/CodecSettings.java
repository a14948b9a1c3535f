package dev.coral.core.codec;

import dev.coral.core.error.InvalidInputException;

/**
 * Tuning of the encoder.
 *
 * <pre>{@code
 * TensorCodec codec = new TensorCodec(new CodecSettings(3, 4));   // zstd level 3, chains of at most 4 deltas
 * }</pre>
 *
 * @param zstdLevel     zstd compression level (-7 to 22; see {@link #DEFAULT} for why 1)
 * @param maxChainDepth longest chain of deltas a read may have to decode; past it a full copy is stored
 *                      (0 disables deltas)
 */
public record CodecSettings(int zstdLevel, int maxChainDepth) {
    /** Level 1 and chains of at most 8 deltas. */
    public static final CodecSettings DEFAULT = new CodecSettings(1, 8);

    public CodecSettings {
        if (zstdLevel < -7 || zstdLevel > 22) {
            throw new InvalidInputException("zstd level must be between -7 and 22, got " + zstdLevel);
        }
        if (maxChainDepth < 0) {
            throw new InvalidInputException("delta chain depth limit must be 0 or more, got " + maxChainDepth);
        }
    }
}
