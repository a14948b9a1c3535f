package dev.coral.core.codec;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * One zstd compression and one decompression context per thread, reused across calls: creating a
 * context allocates native tables that cost more than compressing a small tensor.
 */
final class ZstdContexts {
    private static final int SMALL_HASH_LOG = 6;
    /** Longest minimum match zstd's fast strategy accepts. */
    private static final int LONG_MIN_MATCH = 7;
    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCompressCtx::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private ZstdContexts() {
    }

    /**
     * This thread's compression context, set to {@code level}. At the fast levels (1 and 2) the match
     * finder's hash table is shrunk to 2^6 entries and matches shorter than 7 bytes are not searched for:
     * on byte planes of float data zstd then finds fewer short, useless matches and leaves more to its
     * entropy coder, which is both faster and smaller (see the package documentation for the measurement).
     */
    static ZstdCompressCtx compressor(int level) {
        ZstdCompressCtx ctx = COMPRESS.get();
        ctx.reset();
        ctx.setLevel(level);
        if (level == 1 || level == 2) {
            ctx.setHashLog(SMALL_HASH_LOG);
            ctx.setMinMatch(LONG_MIN_MATCH);
        }
        return ctx;
    }

    /** This thread's decompression context. */
    static ZstdDecompressCtx decompressor() {
        return DECOMPRESS.get();
    }
}
