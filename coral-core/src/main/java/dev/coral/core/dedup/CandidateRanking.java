package dev.coral.core.dedup;

import dev.coral.core.id.ObjectId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects bucket hits for one query: same dtype and shape, estimated cosine above a floor, each id once. */
final class CandidateRanking {
    private final TensorSketch query;
    private final double floor;
    private final Set<ObjectId> seen = new HashSet<>();
    private final List<SimilarityIndex.Candidate> accepted = new ArrayList<>();

    CandidateRanking(TensorSketch query, double floor) {
        this.query = query;
        this.floor = floor;
    }

    void consider(ObjectId id, TensorSketch sketch) {
        if (!seen.add(id) || !query.sameKind(sketch)) {
            return;
        }
        double cosine = query.estimatedCosine(sketch);
        if (cosine >= floor) {
            accepted.add(new SimilarityIndex.Candidate(id, cosine));
        }
    }

    List<SimilarityIndex.Candidate> best(int limit) {
        accepted.sort(Comparator.comparingDouble(SimilarityIndex.Candidate::estimatedCosine).reversed());
        return List.copyOf(accepted.subList(0, Math.min(limit, accepted.size())));
    }
}
