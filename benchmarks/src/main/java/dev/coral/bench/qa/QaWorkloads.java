package dev.coral.bench.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * Reproduces the original system's QA workloads (see {@code shared/QA-WORKLOADS.md}) on the Coral engine
 * and prints Markdown tables of medians beside upstream's figures.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.coral.bench.qa.QaWorkloads [1] [3] [4] [--runs N] [--warmup N]
 * </pre>
 * With no workload numbers it runs 1, 3 and 4 (workload 2 has its own runner,
 * {@code dev.coral.bench.dedup.QaWorkload2}). {@code --warmup} sets workload 1's unmeasured rounds
 * (default {@value #WORKLOAD1_WARMUP_ROUNDS}, about 40 s).
 */
public final class QaWorkloads {
    /**
     * Workload 1 runs each size once per round, so its commit path runs only a few times per round: with
     * 30 rounds most of it was still interpreted (100² stores of 1.6 ms that were 0.8 ms once compiled).
     */
    private static final int WORKLOAD1_WARMUP_ROUNDS = 1000;

    private QaWorkloads() {
    }

    public static void main(String[] args) {
        int runs = 15;
        int warmupRounds = WORKLOAD1_WARMUP_ROUNDS;
        List<String> workloads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupRounds = Integer.parseInt(args[++i]);
                case "1", "3", "4" -> workloads.add(args[i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: QaWorkloads [1] [3] [4] [--runs N] [--warmup N]");
            }
        }
        boolean all = workloads.isEmpty();
        System.out.printf("# Coral QA workloads (JVM %s, %d cores)%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        if (all || workloads.contains("1")) {
            System.out.printf("## 1. Memory usage patterns (median of %d runs, after %d warm-up rounds over all sizes)%n%n",
                    runs, warmupRounds);
            System.out.println(new Workload1MemoryPatterns(warmupRounds, runs).run());
        }
        if (all || workloads.contains("3")) {
            Workload3RepositoryScaling w3 = new Workload3RepositoryScaling(Math.max(3, runs / 3));
            System.out.println("## 3. Repository scaling\n");
            System.out.println(w3.run("process"));
            System.out.println(w3.run("full"));
        }
        if (all || workloads.contains("4")) {
            System.out.println("## 4. Concurrent operations\n");
            System.out.println(new Workload4Concurrency().run());
        }
    }
}
