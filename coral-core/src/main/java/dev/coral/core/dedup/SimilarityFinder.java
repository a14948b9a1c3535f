package dev.coral.core.dedup;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Picks a delta base for a tensor: asks a {@link CandidateSource} (usually a {@link SimilarityIndex}) for candidates and confirms the best
 * ones by the cosine of the full tensors (same dtype and shape, cosine ≥ threshold).
 *
 * <pre>{@code
 * SimilarityFinder finder = new SimilarityFinder(index, 0.95);
 * Optional<SimilarityFinder.Match> m = finder.find(tensor, TensorSketch.of(tensor), store::load);
 * Optional<SimilarityFinder.Confirmed> c = finder.best(sketch, id -> myCosine(tensor, id));
 * }</pre>
 */
public final class SimilarityFinder {
    /** The default similarity threshold (the QA workload's). */
    public static final double DEFAULT_THRESHOLD = 0.95;
    /** How far below the threshold a sketch estimate may fall and still be checked in full. */
    static final double SKETCH_SLACK = 0.1;
    /** Candidates confirmed in full per lookup, best estimate first. */
    static final int CONFIRMED_CANDIDATES = 4;

    /**
     * A confirmed similar tensor.
     *
     * @param id     its id
     * @param tensor its content
     * @param cosine cosine of the full tensors
     */
    public record Match(ObjectId id, Tensor tensor, double cosine) {
    }

    private final CandidateSource index;
    private final double threshold;

    /**
     * @throws InvalidInputException when {@code threshold} is not in (0, 1]
     */
    public SimilarityFinder(CandidateSource index, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidInputException("similarity threshold must be in (0, 1], got " + threshold);
        }
        this.index = index;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * A candidate confirmed by its full cosine.
     *
     * @param id     the indexed tensor
     * @param cosine cosine of the full tensors
     */
    public record Confirmed(ObjectId id, double cosine) {
    }

    /**
     * The most similar indexed tensor whose full cosine with {@code tensor} reaches the threshold.
     *
     * @param loader gives the content of an indexed tensor (may return null when it is gone)
     */
    public Optional<Match> find(Tensor tensor, TensorSketch sketch, Function<ObjectId, Tensor> loader) {
        Map<ObjectId, Tensor> loaded = new HashMap<>();
        return best(sketch, id -> {
            Tensor other = loader.apply(id);
            if (other == null || other.dtype() != tensor.dtype() || !Arrays.equals(other.shape(), tensor.shape())) {
                return Double.NaN;
            }
            loaded.put(id, other);
            return Cosine.of(tensor, other);
        }).map(c -> new Match(c.id(), loaded.get(c.id()), c.cosine()));
    }

    /**
     * The candidate with the highest full cosine reaching the threshold, for callers that keep the
     * indexed tensors in a form of their own and compute the cosine themselves.
     *
     * @param cosine the full cosine of the tensor being matched with an indexed one; NaN when that one
     *               is gone or of another dtype or shape
     */
    public Optional<Confirmed> best(TensorSketch sketch, ToDoubleFunction<ObjectId> cosine) {
        Confirmed best = null;
        for (SimilarityIndex.Candidate c : index.candidates(sketch, threshold - SKETCH_SLACK, CONFIRMED_CANDIDATES)) {
            double value = cosine.applyAsDouble(c.id());
            if (value >= threshold && (best == null || value > best.cosine())) {
                best = new Confirmed(c.id(), value);
            }
        }
        return Optional.ofNullable(best);
    }
}
