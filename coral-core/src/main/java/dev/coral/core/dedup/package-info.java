/**
 * Finding similar tensors and storing them as deltas.
 *
 * <p>{@link dev.coral.core.dedup.TensorSketch} is a small fixed-position sample with random-projection
 * LSH bands; a {@link dev.coral.core.dedup.SimilarityIndex} ({@link dev.coral.core.dedup.InMemorySimilarityIndex}
 * or the persistent {@link dev.coral.core.dedup.SqliteSimilarityIndex}) proposes candidates;
 * {@link dev.coral.core.dedup.SimilarityFinder} confirms one by the cosine of the whole tensors.
 * {@link dev.coral.core.dedup.Deduplicator} puts the pieces together in memory, as QA workload 2 does.
 */
package dev.coral.core.dedup;
