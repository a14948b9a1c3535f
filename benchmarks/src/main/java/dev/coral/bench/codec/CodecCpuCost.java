package dev.coral.bench.codec;

import dev.coral.bench.Medians;
import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operations of {@link CodecBenchmark} and {@link HashBenchmark} (same tensors), measured as
 * process CPU time per operation (all threads, parallel helpers included) next to the median wall time. On a shared
 * machine the wall time depends on the neighbours; the CPU time much less so, and it bounds what two
 * idle cores can do: {@code ops/s on 2 cores ≤ 2 / CPU time}.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.codec.CodecCpuCost}
 */
public final class CodecCpuCost {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int[] SIDES = {100, 200, 500, 1000};

    private CodecCpuCost() {
    }

    public static void main(String[] args) {
        TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
        System.out.println("float32 side  op             wall median us  CPU us/op  stored bytes");
        for (int side : SIDES) {
            Tensor base = Tensor.randn(1, side, side);
            Tensor sibling = base.plus(Tensor.randn(2, side, side).times(0.01));
            Tensor tensor = base.plus(Tensor.randn(3, side, side).times(0.01));
            List<BaseCandidate> bases = List.of(new BaseCandidate(TensorHasher.id(sibling), sibling, 0));
            EncodedTensor whole = codec.encode(tensor);
            EncodedTensor delta = codec.encode(tensor, bases);
            ByteBuffer w = whole.payload();
            ByteBuffer d = delta.payload();
            report(side, "hash", () -> TensorHasher.id(tensor), -1);
            report(side, "encode", () -> codec.encode(tensor), whole.storedSize());
            report(side, "decode", () -> codec.decode(w, id -> null), -1);
            report(side, "encodeDelta", () -> codec.encode(tensor, bases), delta.storedSize());
            report(side, "decodeDelta", () -> codec.decode(d, id -> sibling), -1);
        }
    }

    /** Warms up for a second, then measures for at least two seconds (the CPU clock ticks in 10 ms steps). */
    private static void report(int side, String op, Runnable action, long stored) {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            action.run();
        }
        double[] wall = new double[1 << 16];
        int reps = 0;
        long cpuStart = OS.getProcessCpuTime();
        long end = System.nanoTime() + 2_000_000_000L;
        while (reps < wall.length && (System.nanoTime() < end || reps < 20)) {
            long start = System.nanoTime();
            action.run();
            wall[reps++] = (System.nanoTime() - start) / 1e3;
        }
        double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e3 / reps;
        System.out.printf(Locale.ROOT, "%-13d %-14s %-15.0f %-10.0f %s%n", side, op, Medians.of(Arrays.copyOf(wall, reps)), cpu,
                stored < 0 ? "" : Long.toString(stored));
    }
}
