package dev.coral.core.codec;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * One zstd compression and one decompression context per thread, reused across calls: creating a
 * context allocates native tables that cost more than compressing a small tensor.
 */
final class ZstdContexts {
    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCompressCtx::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private ZstdContexts() {
    }

    /** This thread's compression context, set to {@code level}. */
    static ZstdCompressCtx compressor(int level) {
        return COMPRESS.get().setLevel(level);
    }

    /** This thread's decompression context. */
    static ZstdDecompressCtx decompressor() {
        return DECOMPRESS.get();
    }
}
