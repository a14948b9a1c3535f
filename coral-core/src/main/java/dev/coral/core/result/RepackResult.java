package dev.coral.core.result;

/**
 * What {@code coral repack} did: every stored tensor was re-encoded with the current settings and kept in
 * its new form when that is smaller, or when its old form broke the chain-depth limit. Tensor ids never
 * change.
 *
 * <pre>{@code
 * repo.config().set("dedup.threshold", "0.9");
 * RepackResult r = repo.repack();
 * r.storedBytesBefore() - r.storedBytesAfter();   // bytes saved
 * }</pre>
 *
 * @param objects           stored tensors examined
 * @param rewritten         tensors whose stored form was replaced
 * @param deltasBefore      tensors stored as deltas before
 * @param deltasAfter       tensors stored as deltas after
 * @param storedBytesBefore encoded bytes of the examined tensors before
 * @param storedBytesAfter  encoded bytes of the examined tensors after
 * @param indexed           tensors added to the similarity index (stored whole and not indexed yet)
 */
public record RepackResult(long objects, long rewritten, long deltasBefore, long deltasAfter, long storedBytesBefore,
                           long storedBytesAfter, long indexed) {
}
