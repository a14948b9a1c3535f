package dev.coral.magics;

import dev.coral.core.repo.CommitRequest;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small real repository for tests: three commits on main (the last a merge), one on {@code exp},
 * a tag, and a tensor whose name is HTML.
 *
 * <pre>
 *   *   merge exp      (main, HEAD)
 *   |\
 *   | * exp: tweak fc2 (exp)
 *   * | epoch 1        (tag v1)  fc1.weight modified, fc2.weight added
 *   |/
 *   *   init           fc1.weight, fc1.bias, HOSTILE_NAME
 * </pre>
 */
public final class SampleRepository {
    /** A tensor name that is also markup; renderers must escape it. */
    public static final String HOSTILE_NAME = "<script>alert(\"x\")</script>&co";
    /** A commit message that is also markup. */
    public static final String HOSTILE_MESSAGE = "<b>epoch 1</b> & <i>more</i>";

    private SampleRepository() {
    }

    public static Repository create(Path dir) {
        Repository repo = Repository.init(dir);
        Tensor w1 = Tensor.randn(1, 20, 20);
        repo.commit(Map.of("fc1.weight", w1, "fc1.bias", Tensor.zeros(DType.FLOAT32, 20),
                HOSTILE_NAME, Tensor.randn(9, 4)), "init");
        repo.createBranch("exp", "HEAD");
        Tensor w2 = w1.plus(Tensor.randn(2, 20, 20).times(0.01));
        repo.commit(Map.of("fc1.weight", w2, "fc2.weight", Tensor.randn(3, 10, 20)),
                CommitRequest.of(HOSTILE_MESSAGE).withMetric("acc", 0.71));
        repo.createTag("v1", "HEAD", "first <good> one", Map.of("acc", 0.71));
        repo.commit(Map.of("fc1.bias", Tensor.randn(4, 20)), CommitRequest.of("exp: tweak bias").onBranch("exp"));
        repo.commit(Map.of("fc1.bias", Tensor.randn(4, 20)),
                CommitRequest.of("merge exp").withExtraParents(List.of("exp")));
        return repo;
    }
}
