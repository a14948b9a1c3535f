package dev.coral.bench.codec;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The measurement behind the default zstd level: stored size and encode cost (process CPU time per
 * encode, which does not depend on what else runs on the machine) through the codec at several levels, on a 1000×1000 float32 N(0,1) tensor (whole), the same as bfloat16, and a
 * 300×300 float32 sibling delta ({@code base + 0.01·N(0,1)} against another such sibling).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.codec.ZstdLevelSurvey}
 */
public final class ZstdLevelSurvey {
    private static final int[] LEVELS = {-1, 1, 2, 3, 6, 9};
    private static final int RUNS = 60;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ZstdLevelSurvey() {
    }

    public static void main(String[] args) {
        Tensor whole = Tensor.randn(1, 1000, 1000);
        Tensor half = whole.to(DType.BFLOAT16);
        Tensor base = Tensor.randn(2, 300, 300);
        Tensor sibling = base.plus(Tensor.randn(3, 300, 300).times(0.01));
        Tensor weight = base.plus(Tensor.randn(4, 300, 300).times(0.01));
        List<BaseCandidate> bases = List.of(new BaseCandidate(TensorHasher.id(sibling), sibling, 0));
        System.out.println("level  f32 whole: ratio  CPU ms | bf16 whole: ratio  CPU ms | f32 sibling delta: ratio  CPU ms codec");
        for (int level : LEVELS) {
            TensorCodec codec = new TensorCodec(new CodecSettings(level, 8));
            Result a = measure(codec, whole, List.of());
            Result b = measure(codec, half, List.of());
            Result c = measure(codec, weight, bases);
            System.out.printf(Locale.ROOT, "%-6d %17.3f %5.2f | %17.3f %5.2f | %24.3f %5.2f %s%n", level,
                    a.ratio, a.millis, b.ratio, b.millis, c.ratio, c.millis, c.codec);
        }
    }

    private record Result(double ratio, double millis, String codec) {
    }

    private static Result measure(TensorCodec codec, Tensor tensor, List<BaseCandidate> bases) {
        EncodedTensor e = null;
        for (int i = 0; i < RUNS; i++) {
            e = codec.encode(tensor, bases);
        }
        long start = OS.getProcessCpuTime();
        for (int i = 0; i < RUNS; i++) {
            codec.encode(tensor, bases);
        }
        double millis = (OS.getProcessCpuTime() - start) / 1e6 / RUNS;
        return new Result((double) tensor.byteSize() / e.storedSize(), millis, e.codec().name());
    }
}
