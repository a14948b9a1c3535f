package dev.coral.bench.dedup;

import dev.coral.bench.DirectoryTrees;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.StatsResult;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * QA workload 2 through real commits instead of an in-memory deduplicator: the same tensors (one 200×200
 * float32 base and N−1 copies {@code base + 0.001·N(0,1)}, N in {10, 50, 100}) committed to a new repository
 * with the default threshold 0.95, in two ways: all N in one commit ({@code one commit}: the near copies find
 * the base within the change), and one commit per tensor under its own name ({@code N commits}: each finds
 * the base through the persistent similarity index). Printed per N and way (medians over the runs):
 * tensors/s, encoded bytes (sum of stored payloads) and bytes of the whole {@code .coral} directory against
 * the logical bytes, delta count; then every tensor is read back from a freshly opened repository and compared
 * bit for bit.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.dedup.QaWorkload2Commits [runs] [durability]}
 */
public final class QaWorkload2Commits {
    private static final int[] SIZES = {10, 50, 100};

    private QaWorkload2Commits() {
    }

    /** One measured run. */
    private record Run(double tensorsPerSecond, StatsResult stats) {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String durability = args.length > 1 ? args[1] : "full";
        Tensor base = Tensor.randn(42, 200, 200);
        System.out.printf(Locale.ROOT, "QA workload 2 through commits, 200x200 float32, threshold 0.95, durability %s, "
                + "median of %d runs (+2 warm-up), %d cores%n%n", durability, runs, Runtime.getRuntime().availableProcessors());
        System.out.println("| N | way | tensors/s | deltas | logical B | encoded B | logical/encoded | .coral B | logical/.coral | bit-exact |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : SIZES) {
            Map<String, Tensor> tensors = workload(base, n);
            for (boolean oneCommit : new boolean[] {true, false}) {
                List<Run> measured = new ArrayList<>();
                for (int run = -2; run < runs; run++) {
                    Run r = once(tensors, oneCommit, durability);
                    if (run >= 0) {
                        measured.add(r);
                    }
                }
                measured.sort(Comparator.comparingDouble(Run::tensorsPerSecond));
                Run median = measured.get(measured.size() / 2);
                StatsResult s = median.stats();
                System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %d | %,d | %,d | %.2fx | %,d | %.2fx | yes |%n", n,
                        oneCommit ? "one commit" : n + " commits", median.tensorsPerSecond(), s.deltaObjects(),
                        s.logicalBytes(), s.encodedBytes(), (double) s.logicalBytes() / s.encodedBytes(), s.storedBytes(),
                        (double) s.logicalBytes() / s.storedBytes());
            }
        }
    }

    private static Map<String, Tensor> workload(Tensor base, int n) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("tensor_0", base);
        for (int i = 1; i < n; i++) {
            tensors.put("tensor_" + i, base.plus(Tensor.randn(1000L * n + i, 200, 200).times(0.001)));
        }
        return tensors;
    }

    private static Run once(Map<String, Tensor> tensors, boolean oneCommit, String durability) throws IOException {
        Path dir = Files.createTempDirectory("coral-qa2-");
        try {
            try (Repository repo = Repository.init(dir)) {
                repo.config().set("durability", durability);
            }
            double rate;
            StatsResult stats;
            try (Repository repo = Repository.open(dir)) {
                long start = System.nanoTime();
                if (oneCommit) {
                    repo.commit(tensors, "all " + tensors.size());
                } else {
                    tensors.forEach((name, t) -> repo.commit(Map.of(name, t), name));
                }
                rate = tensors.size() / ((System.nanoTime() - start) / 1e9);
                stats = repo.stats();
            }
            try (Repository fresh = Repository.open(dir)) {
                tensors.forEach((name, t) -> {
                    if (!fresh.read("HEAD", name).equals(t)) {
                        throw new IllegalStateException(name + " did not come back bit-exactly");
                    }
                });
            }
            return new Run(rate, stats);
        } finally {
            DirectoryTrees.delete(dir);
        }
    }
}
