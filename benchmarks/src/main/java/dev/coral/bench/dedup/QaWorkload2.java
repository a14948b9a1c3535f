package dev.coral.bench.dedup;

import dev.coral.bench.Medians;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.dedup.DedupStats;
import dev.coral.core.dedup.Deduplicator;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QA workload 2 (deduplication performance), one to one: one 200×200 float32 base; for N in {10, 50,
 * 100} the list [base] + N−1 tensors {@code base + 0.001·N(0,1)}; a new deduplicator with threshold
 * 0.95 per N and per run; time adding all N tensors (hash, find the similar reference, delta). No disk.
 *
 * <p>Two times are printed: {@code add} is the loop of {@code add} calls (hash + sketch + lookup +
 * cosine on this thread; encoding queued), {@code all} is that loop plus {@code flush()}, i.e. until
 * every delta is encoded, verified and stored in memory — the honest figure. Medians over the runs.
 * {@code CPU µs/tensor} is the process CPU time of {@code all} per tensor, averaged over the runs
 * (every thread, JIT and GC included), which does not depend on what else runs on the machine; {@code 2 cores ÷ CPU} is the
 * throughput it implies on two otherwise idle cores. After each run every tensor is read back and
 * compared bit for bit.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.dedup.QaWorkload2 [runs]}
 */
public final class QaWorkload2 {
    private static final int[] SIZES = {10, 50, 100};
    private static final double THRESHOLD = 0.95;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private QaWorkload2() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Tensor base = Tensor.randn(42, 200, 200);
        System.out.printf(Locale.ROOT, "QA workload 2, 200x200 float32, threshold %.2f, %d runs (+3 warm-up), %d cores%n",
                THRESHOLD, runs, Runtime.getRuntime().availableProcessors());
        System.out.println("N    groups  ratio    tensors/s(all)  tensors/s(add)  CPU us/tensor  2 cores/CPU  logical B   stored B   logical/stored  bit-exact");
        for (int n : SIZES) {
            List<Tensor> tensors = workload(base, n);
            double[] all = new double[runs];
            double[] add = new double[runs];
            long cpuNanos = 0;
            DedupStats stats = null;
            for (int run = -3; run < runs; run++) {
                try (Deduplicator dedup = new Deduplicator(THRESHOLD, CodecSettings.DEFAULT)) {
                    List<ObjectId> ids = new ArrayList<>(n);
                    long startCpu = OS.getProcessCpuTime();
                    long start = System.nanoTime();
                    for (Tensor t : tensors) {
                        ids.add(dedup.add(t));
                    }
                    long added = System.nanoTime();
                    dedup.flush();
                    long done = System.nanoTime();
                    long doneCpu = OS.getProcessCpuTime();
                    stats = dedup.stats();
                    for (int i = 0; i < n; i++) {
                        if (!dedup.get(ids.get(i)).equals(tensors.get(i))) {
                            throw new IllegalStateException("tensor " + i + " did not come back bit-exactly");
                        }
                    }
                    if (run >= 0) {
                        add[run] = n / ((added - start) / 1e9);
                        all[run] = n / ((done - start) / 1e9);
                        cpuNanos += doneCpu - startCpu;
                    }
                }
            }
            double cpuPerTensor = cpuNanos / 1e3 / runs / n;
            System.out.printf(Locale.ROOT, "%-4d %-7d %-8s %-15.0f %-15.0f %-14.0f %-12.0f %-11d %-10d %-15.2f yes%n", n,
                    stats.groups(), String.format(Locale.ROOT, "%.2fx", stats.groupRatio()), Medians.of(all), Medians.of(add),
                    cpuPerTensor, 2e6 / cpuPerTensor,
                    stats.logicalBytes(), stats.storedBytes(), stats.compressionRatio());
        }
    }

    private static List<Tensor> workload(Tensor base, int n) {
        List<Tensor> tensors = new ArrayList<>(List.of(base));
        for (int i = 1; i < n; i++) {
            tensors.add(base.plus(Tensor.randn(1000L * n + i, 200, 200).times(0.001)));
        }
        return tensors;
    }
}
