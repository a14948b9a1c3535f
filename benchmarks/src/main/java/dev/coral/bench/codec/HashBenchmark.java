package dev.coral.bench.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Tensor id (SHA-256 over the chunked framing) of a side×side float32 tensor: the default (parallel
 * chunks from 256 KiB) and strictly sequential.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HashBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashBenchmark {
    @Param({"100", "200", "500", "1000"})
    public int side;

    private Tensor tensor;

    @Setup
    public void setUp() {
        tensor = Tensor.randn(1, side, side);
    }

    @Benchmark
    public ObjectId id() {
        return TensorHasher.id(tensor);
    }

    @Benchmark
    public ObjectId sequentialId() {
        return TensorHasher.sequentialId(tensor);
    }
}
