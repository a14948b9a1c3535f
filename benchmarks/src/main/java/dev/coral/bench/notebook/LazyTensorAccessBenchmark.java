package dev.coral.bench.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.coral.bench.DirectoryTrees;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import dev.coral.magics.lazy.Coral;
import dev.coral.magics.lazy.LazyModel;

/**
 * A cached tensor access through a lazy model view: {@code view.tensor(name)} when the tensor is already in
 * the byte-bounded cache (the name lookup, then the Caffeine hit by content id). Target (issue 5):
 * ≤ 1 µs. {@code secondViewOfSameContent} reads through a view of another commit holding the same tensor.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LazyTensorAccessBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LazyTensorAccessBenchmark {
    private static final int TENSORS = 100;

    private Path dir;
    private Coral coral;
    private LazyModel head;
    private LazyModel parent;
    private String[] names;
    private int next;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("coral-lazy-bench");
        try (Repository repo = Repository.init(dir)) {
            Map<String, Tensor> model = new LinkedHashMap<>();
            for (int t = 0; t < TENSORS; t++) {
                model.put(String.format(Locale.ROOT, "layer%02d.weight", t), Tensor.randn(t, 64, 64));
            }
            repo.commit(model, "initial weights");
            repo.commit(Map.of("layer00.weight", Tensor.randn(999, 64, 64)), "change one layer");
        }
        coral = Coral.open(dir);
        head = coral.at("HEAD");
        parent = coral.at("HEAD~1");
        names = head.names().toArray(String[]::new);
        for (String name : names) {
            head.tensor(name);
        }
    }

    @Benchmark
    public Tensor cachedTensor() {
        return head.tensor(names[7]);
    }

    @Benchmark
    public Tensor cachedTensorRoundRobin() {
        next = next + 1 == names.length ? 0 : next + 1;
        return head.tensor(names[next]);
    }

    @Benchmark
    public Tensor secondViewOfSameContent() {
        return parent.tensor(names[7]);
    }

    @TearDown
    public void tearDown() throws Exception {
        coral.close();
        DirectoryTrees.delete(dir);
    }
}
