/**
 * Finding similar tensors and storing them as deltas.
 *
 * <p>{@link dev.coral.core.dedup.TensorSketch} is a small fixed-position sample with random-projection
 * LSH bands; a {@link dev.coral.core.dedup.SimilarityIndex} ({@link dev.coral.core.dedup.InMemorySimilarityIndex}
 * or the persistent {@link dev.coral.core.dedup.SqliteSimilarityIndex}) proposes candidates;
 * {@link dev.coral.core.dedup.SimilarityFinder} confirms one by the cosine of the whole tensors.
 * {@link dev.coral.core.dedup.Deduplicator} puts the pieces together in memory, as QA workload 2 does:
 * {@code add} holds each tensor whole or as an exact XOR delta against its group's reference (hashing
 * split with a {@code HelperThread}, cosine over float lanes in {@code FloatRows}), and {@code compress}
 * is the separate storage step that encodes and verifies the payloads.
 */
package dev.coral.core.dedup;
