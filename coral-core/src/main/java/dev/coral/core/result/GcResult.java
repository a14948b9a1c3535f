package dev.coral.core.result;

/**
 * What {@code coral gc} did: object files that no stored tensor names (left by a process killed between
 * writing a tensor's file and committing it) were deleted once older than the grace period; younger ones may
 * still belong to a commit in progress and were kept.
 *
 * <pre>{@code
 * GcResult r = repo.gc(Duration.ofHours(1));
 * r.bytesRemoved();   // disk space given back
 * }</pre>
 *
 * @param filesRemoved       unreferenced object files deleted
 * @param bytesRemoved       their size in bytes
 * @param unreferencedKept   unreferenced object files kept because they are younger than the grace period
 * @param graceSeconds       the grace period: only files older than this were deleted
 */
public record GcResult(long filesRemoved, long bytesRemoved, long unreferencedKept, long graceSeconds) {
}
