package dev.coral.bench.codec;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.TensorCodec;
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

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encode and decode of a side×side float32 N(0,1) tensor: whole ({@code encode}/{@code decode}, no
 * base: byte-plane shuffle + zstd) and against a sibling ({@code encodeDelta}/{@code decodeDelta}:
 * both are {@code base + 0.01·N(0,1)}, as in QA workload 3). Encode includes choosing the smallest
 * encoding and the verifying decode. The stored sizes are printed once per size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    @Param({"100", "500", "1000"})
    public int side;

    private final TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
    private Tensor tensor;
    private Tensor sibling;
    private List<BaseCandidate> bases;
    private ByteBuffer whole;
    private ByteBuffer delta;

    @Setup
    public void setUp() {
        Tensor base = Tensor.randn(1, side, side);
        sibling = base.plus(Tensor.randn(2, side, side).times(0.01));
        tensor = base.plus(Tensor.randn(3, side, side).times(0.01));
        ObjectId siblingId = TensorHasher.id(sibling);
        bases = List.of(new BaseCandidate(siblingId, sibling, 0));
        EncodedTensor w = codec.encode(tensor);
        EncodedTensor d = codec.encode(tensor, bases);
        whole = w.payload();
        delta = d.payload();
        System.out.printf("%n%dx%d float32 (%d bytes): whole %s %d bytes, delta %s %d bytes%n", side, side,
                tensor.byteSize(), w.codec(), w.storedSize(), d.codec(), d.storedSize());
    }

    @Benchmark
    public EncodedTensor encode() {
        return codec.encode(tensor);
    }

    @Benchmark
    public EncodedTensor encodeDelta() {
        return codec.encode(tensor, bases);
    }

    @Benchmark
    public Tensor decode() {
        return codec.decode(whole, id -> null);
    }

    @Benchmark
    public Tensor decodeDelta() {
        return codec.decode(delta, id -> sibling);
    }
}
