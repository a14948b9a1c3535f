package dev.coral.bench.qa;

import java.util.Arrays;
import java.util.List;

/**
 * Reproduces the original system's QA workloads (see {@code shared/QA-WORKLOADS.md}) on the Coral engine
 * and prints Markdown tables of medians beside upstream's figures.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.coral.bench.qa.QaWorkloads [1] [3] [4] [--runs N]
 * </pre>
 * With no workload numbers it runs 1, 3 and 4 (workload 2 has its own runner,
 * {@code dev.coral.bench.dedup.QaWorkload2}).
 */
public final class QaWorkloads {
    private QaWorkloads() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int runs = 15;
        int at = list.indexOf("--runs");
        if (at >= 0) {
            runs = Integer.parseInt(list.get(at + 1));
        }
        boolean all = list.stream().noneMatch(a -> a.matches("[134]"));
        System.out.printf("# Coral QA workloads (JVM %s, %d cores)%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        if (all || list.contains("1")) {
            int warmupRounds = 30;
            System.out.printf("## 1. Memory usage patterns (median of %d runs, after %d warm-up rounds over all sizes)%n%n",
                    runs, warmupRounds);
            System.out.println(new Workload1MemoryPatterns(warmupRounds, runs).run());
        }
        if (all || list.contains("3")) {
            Workload3RepositoryScaling w3 = new Workload3RepositoryScaling(Math.max(3, runs / 3));
            System.out.println("## 3. Repository scaling\n");
            System.out.println(w3.run("process"));
            System.out.println(w3.run("full"));
        }
        if (all || list.contains("4")) {
            System.out.println("## 4. Concurrent operations\n");
            System.out.println(new Workload4Concurrency().run());
        }
    }
}
