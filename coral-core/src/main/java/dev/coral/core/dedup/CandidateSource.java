package dev.coral.core.dedup;

import java.util.List;

/**
 * Proposes tensors similar to a sketch: what {@link SimilarityFinder} needs of an index. A
 * {@link SimilarityIndex} is one; so is a lookup that reaches an index some other way, such as through a
 * pool of database connections.
 *
 * <pre>{@code
 * CandidateSource source = (sketch, min, limit) -> pool.read(c -> indexOn(c).candidates(sketch, min, limit));
 * new SimilarityFinder(source, 0.95).find(tensor, TensorSketch.of(tensor), store::load);
 * }</pre>
 */
@FunctionalInterface
public interface CandidateSource {
    /**
     * Indexed tensors of the same dtype and shape sharing a bucket with {@code sketch} and whose
     * estimated cosine is at least {@code minEstimatedCosine}, best first, at most {@code limit}.
     */
    List<SimilarityIndex.Candidate> candidates(TensorSketch sketch, double minEstimatedCosine, int limit);
}
