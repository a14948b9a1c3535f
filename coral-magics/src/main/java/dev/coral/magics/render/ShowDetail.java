package dev.coral.magics.render;

import dev.coral.core.result.ShowResult;
import dev.coral.core.tensor.Tensor;

import java.util.Objects;

/**
 * A {@link ShowResult} with the histogram of its tensor's values, for the notebook's
 * {@code show REF:TENSOR}. The engine's record carries statistics only; the histogram needs the
 * tensor's data, which the caller reads (e.g. through {@code Coral}'s cache).
 *
 * <pre>{@code
 * ShowResult r = repo.show("main:fc1.weight");
 * ShowDetail d = ShowDetail.of(r, repo.read("main", "fc1.weight"));
 * }</pre>
 *
 * @param result    what the engine reported
 * @param histogram the distribution of the tensor's values, or null for a commit spec
 */
public record ShowDetail(ShowResult result, TensorHistogram histogram) {
    public ShowDetail {
        Objects.requireNonNull(result, "result");
    }

    /** The result with the histogram of {@code tensor} (its data) in {@link TensorHistogram#DEFAULT_BINS} bins. */
    public static ShowDetail of(ShowResult result, Tensor tensor) {
        return new ShowDetail(result, TensorHistogram.of(tensor, TensorHistogram.DEFAULT_BINS));
    }

    /** The result alone (a commit spec, or a tensor shown without its distribution). */
    public static ShowDetail of(ShowResult result) {
        return new ShowDetail(result, null);
    }
}
