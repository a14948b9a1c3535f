package dev.coral.core.result;

import java.util.List;

/**
 * Where the bytes of a repository (or of one commit) go, beside the totals of {@link StatsResult}.
 *
 * <pre>{@code
 * StorageBreakdown b = repo.stats().storage();
 * b.ratio();                  // logical bytes of every tensor version / bytes stored
 * b.codecs();                 // per encoding: objects, raw and stored bytes
 * }</pre>
 *
 * @param versionBytes raw size of every tensor version: what keeping each version as a full copy would take
 * @param dedupHits    tensor versions that reused a stored content instead of storing a new one
 * @param codecs       per encoding in use, in the order of {@link dev.coral.core.codec.Codec}
 * @param chainDepths  delta chain depth histogram of the distinct contents, by depth
 * @param ratio        {@code versionBytes} / the stored bytes of the {@link StatsResult} (0 when nothing is stored)
 */
public record StorageBreakdown(long versionBytes, long dedupHits, List<CodecUsage> codecs,
                               List<DepthCount> chainDepths, double ratio) {
    /** The breakdown of an empty repository. */
    public static final StorageBreakdown NONE = new StorageBreakdown(0, 0, List.of(), List.of(), 0);

    public StorageBreakdown {
        codecs = List.copyOf(codecs);
        chainDepths = List.copyOf(chainDepths);
    }
}
