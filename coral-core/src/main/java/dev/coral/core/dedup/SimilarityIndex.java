package dev.coral.core.dedup;

import dev.coral.core.id.ObjectId;

import java.util.List;

/**
 * Finds previously indexed tensors whose sketch is close to a new tensor's. It only proposes
 * candidates: confirming one (cosine of the full tensors) is {@link SimilarityFinder}'s job.
 *
 * <pre>{@code
 * SimilarityIndex index = new InMemorySimilarityIndex();
 * index.add(id, TensorSketch.of(tensor));
 * List<SimilarityIndex.Candidate> c = index.candidates(TensorSketch.of(other), 0.85, 4);
 * }</pre>
 */
public interface SimilarityIndex extends CandidateSource {

    /**
     * A tensor proposed as similar.
     *
     * @param id              the indexed tensor
     * @param estimatedCosine cosine of the two sketches' samples
     */
    record Candidate(ObjectId id, double estimatedCosine) {
    }

    /** Indexes {@code id} under its sketch; does nothing for an unusable sketch or an id already indexed. */
    void add(ObjectId id, TensorSketch sketch);

    @Override
    List<Candidate> candidates(TensorSketch sketch, double minEstimatedCosine, int limit);

    /** Number of indexed tensors. */
    int size();
}
