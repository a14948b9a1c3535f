package dev.coral.bench.dedup;

import dev.coral.bench.Medians;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.dedup.DedupStats;
import dev.coral.core.dedup.Deduplicator;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * QA workload 2 (deduplication performance), one to one: one 200×200 float32 base; for N in {10, 50,
 * 100} the list [base] + N−1 tensors {@code base + 0.001·N(0,1)}; a new deduplicator with threshold
 * 0.95 per N and per run. No disk. Before anything is timed, {@value #JIT_WARM_UP_RUNS} untimed runs of
 * N = 10 warm up the JIT; each N then has {@value #WARM_UP_RUNS} untimed runs of its own. Each run starts
 * after a {@code System.gc()}, so that no collection of an earlier run's garbage lands in its timing.
 *
 * <p>What each column times (each run a fresh deduplicator):
 * <ul>
 *   <li>{@code (a) add/s}: the median over the runs of N / the time of the loop of
 *       {@link Deduplicator#add} calls — SHA-256 id, sketch, similarity lookup, full cosine, and an
 *       exact (XOR) delta against the reference, held in memory uncompressed; the deduplicator's
 *       helper thread takes half of each tensor's hashing, so the loop uses two cores. This is the
 *       scope the original system timed (its delta was a float32 subtraction, kept in memory, neither
 *       compressed nor lossless).</li>
 *   <li>{@code (a) best}: the same for the fastest run: what the code does when nothing else claims
 *       the two cores during a run (the machine may be shared).</li>
 *   <li>{@code (b) add+compress/s}: the median of N / (the add loop's time plus the time of
 *       {@link Deduplicator#compress()}) — every tensor also encoded for storage (delta against the
 *       reference, byte-plane shuffle, zstd) and each payload verified to decode exactly. The two parts
 *       are timed separately; an untimed check between them reads every tensor back.</li>
 *   <li>{@code logical B / stored B}: bytes added and bytes of the compressed payloads.</li>
 *   <li>{@code bit-exact}: every id equals the sequential {@link TensorHasher#sequentialId}, and every
 *       tensor read back with {@link Deduplicator#get} equals the original bit for bit, both before
 *       compression (from the exact deltas) and after (from the payloads). Any failure stops the run.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.dedup.QaWorkload2 [runs]}
 */
public final class QaWorkload2 {
    private static final int[] SIZES = {10, 50, 100};
    /** Untimed runs per N before the timed ones. */
    private static final int WARM_UP_RUNS = 5;
    /**
     * Untimed runs of the smallest N before anything is timed: enough for the JIT to compile what a run
     * does once (create its deduplicator and its group's reference), not only what it does per tensor.
     */
    private static final int JIT_WARM_UP_RUNS = 500;
    private static final double THRESHOLD = 0.95;

    private QaWorkload2() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Tensor base = Tensor.randn(42, 200, 200);
        System.out.printf(Locale.ROOT, "QA workload 2, 200x200 float32, threshold %.2f, %d runs per N"
                        + " (+%d warm-up per N,"
                        + " +%d of N=%d first), %d cores%n",
                THRESHOLD, runs, WARM_UP_RUNS, JIT_WARM_UP_RUNS, SIZES[0], Runtime.getRuntime().availableProcessors());
        List<Tensor> smallest = workload(base, SIZES[0]);
        for (int run = 0; run < JIT_WARM_UP_RUNS; run++) {
            try (Deduplicator dedup = new Deduplicator(THRESHOLD, CodecSettings.DEFAULT)) {
                smallest.forEach(dedup::add);
                dedup.compress();
            }
        }
        System.out.println("N    groups  ratio    (a) add/s  (a) best  (b) add+compress/s  logical B   stored B   logical/stored  bit-exact");
        for (int n : SIZES) {
            List<Tensor> tensors = workload(base, n);
            List<ObjectId> expectedIds = tensors.stream().map(TensorHasher::sequentialId).toList();
            double[] add = new double[runs];
            double[] withCompress = new double[runs];
            DedupStats stats = null;
            for (int run = -WARM_UP_RUNS; run < runs; run++) {
                // the previous run's garbage (compression and checks allocate far more than the adds) is
                // collected here rather than in a pause inside the next timed loop
                System.gc();
                try (Deduplicator dedup = new Deduplicator(THRESHOLD, CodecSettings.DEFAULT)) {
                    List<ObjectId> ids = new ArrayList<>(n);
                    long start = System.nanoTime();
                    for (Tensor t : tensors) {
                        ids.add(dedup.add(t));
                    }
                    long added = System.nanoTime();
                    checkBitExact(dedup, tensors, ids, expectedIds, "before compression");
                    long compressStart = System.nanoTime();
                    dedup.compress();
                    long compressed = System.nanoTime();
                    checkBitExact(dedup, tensors, ids, expectedIds, "after compression");
                    stats = dedup.stats();
                    if (run >= 0) {
                        add[run] = n / ((added - start) / 1e9);
                        withCompress[run] = n / ((added - start + compressed - compressStart) / 1e9);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-4d %-7d %-8s %-10.0f %-9.0f %-19.0f %-11d %-10d %-15.2f yes%n", n,
                    stats.groups(), String.format(Locale.ROOT, "%.2fx", stats.groupRatio()), Medians.of(add),
                    Arrays.stream(add).max().orElseThrow(), Medians.of(withCompress),
                    stats.logicalBytes(), stats.storedBytes(), stats.compressionRatio());
        }
    }

    private static void checkBitExact(Deduplicator dedup, List<Tensor> tensors, List<ObjectId> ids,
                                      List<ObjectId> expectedIds, String when) {
        for (int i = 0; i < tensors.size(); i++) {
            if (!ids.get(i).equals(expectedIds.get(i))) {
                throw new IllegalStateException("tensor " + i + " got id " + ids.get(i)
                        + ", expected " + expectedIds.get(i));
            }
            if (!dedup.get(ids.get(i)).equals(tensors.get(i))) {
                throw new IllegalStateException("tensor " + i + " did not come back bit-exactly " + when);
            }
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
