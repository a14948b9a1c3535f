package dev.coral.bench.qa;

import dev.coral.bench.Medians;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * QA workload 3: one repository, batches of 10, 25, 50 weights (totals 10, 35, 85), each weight
 * {@code base + 0.01·N(0,1)} (100×100 float32) with a unique name and its own stage + commit. Each batch
 * runs on a freshly opened repository that is closed after it, so housekeeping the repository does in the
 * background (the write-ahead-log checkpoint) has finished when the storage is measured. Storage per
 * weight = bytes of the repository directory / weights so far, measured with the repository closed
 * (SQLite then has folded and removed its write-ahead log); throughput = weights / batch time. Also
 * times reading 5 weights back from the tip and checks every weight bit-exactly, and the throughput of
 * all 85 weights committed to one repository that stays open (upstream's script never reopens its
 * repository). Run once per durability setting.
 */
final class Workload3RepositoryScaling {
    private static final int[] BATCHES = {10, 25, 50};
    private static final int TOTAL = 85;
    private static final double[] UPSTREAM_KB_PER_WEIGHT = {42.7, 42.2, 42.1};
    private static final double[] UPSTREAM_WEIGHTS_PER_S = {349, 357, 353};

    private final int runs;

    Workload3RepositoryScaling(int runs) {
        this.runs = runs;
    }

    String run(String durability) {
        int batches = BATCHES.length;
        List<List<Double>> kib = new ArrayList<>();
        List<List<Double>> rate = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            kib.add(new ArrayList<>());
            rate.add(new ArrayList<>());
        }
        List<Double> readMs = new ArrayList<>();
        List<Double> oneSession = new ArrayList<>();
        boolean exact = true;
        for (int r = 0; r < runs + 1; r++) {
            Run result = once(durability, 7 + r);
            double inOneSession = inOneSession(durability, 7 + r);
            exact &= result.exact;
            if (r == 0) {
                continue; // warm-up
            }
            oneSession.add(inOneSession);
            for (int b = 0; b < batches; b++) {
                kib.get(b).add(result.kibPerWeight[b]);
                rate.get(b).add(result.weightsPerSecond[b]);
            }
            readMs.add(result.readFiveMs);
        }
        MarkdownTable table = new MarkdownTable("total weights", "KiB / weight", "upstream", "smaller by",
                "weights/s", "upstream", "speed-up");
        int total = 0;
        for (int b = 0; b < batches; b++) {
            total += BATCHES[b];
            double k = Medians.of(kib.get(b));
            double w = Medians.of(rate.get(b));
            table.row(total, String.format("%.1f", k), UPSTREAM_KB_PER_WEIGHT[b], MarkdownTable.ratio(UPSTREAM_KB_PER_WEIGHT[b], k),
                    String.format("%,.0f", w), UPSTREAM_WEIGHTS_PER_S[b], String.format("%.1fx", w / UPSTREAM_WEIGHTS_PER_S[b]));
        }
        return "durability `" + durability + "`, median of " + runs + " runs\n\n" + table
                + String.format("%nReading 5 weights back from the tip: %s (median); every weight bit-exact: %s%n",
                        MarkdownTable.ms(Medians.of(readMs)), exact ? "yes" : "NO")
                + String.format("All %d weights committed in one open session, as upstream's script does: %,.0f weights/s (median)%n",
                        TOTAL, Medians.of(oneSession));
    }

    /**
     * Weights per second when all the batches' weights are committed one by one to one repository that
     * stays open, as upstream's script does (the batches above reopen it to measure its storage closed,
     * and the first commit after an open also creates the write-ahead log).
     */
    private static double inOneSession(String durability, long seed) {
        Tensor base = Tensor.randn(seed, 100, 100);
        List<Tensor> weights = new ArrayList<>();
        for (int k = 0; k < TOTAL; k++) {
            weights.add(base.plus(Tensor.randn(seed * 1000 + k, 100, 100).times(0.01)));
        }
        try (ScratchDirectory dir = new ScratchDirectory("coral-qa3-session-")) {
            try (Repository repo = Repository.init(dir.path())) {
                repo.config().set("durability", durability);
                long t0 = System.nanoTime();
                for (int k = 0; k < TOTAL; k++) {
                    repo.session().stage("scaling_test_" + k, weights.get(k)).commit("weight " + k);
                }
                return TOTAL / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private record Run(double[] kibPerWeight, double[] weightsPerSecond, double readFiveMs, boolean exact) {
    }

    private static Run once(String durability, long seed) {
        Tensor base = Tensor.randn(seed, 100, 100);
        List<Tensor> written = new ArrayList<>();
        double[] kib = new double[BATCHES.length];
        double[] rate = new double[BATCHES.length];
        try (ScratchDirectory dir = new ScratchDirectory("coral-qa3-")) {
            try (Repository repo = Repository.init(dir.path())) {
                repo.config().set("durability", durability);
            }
            int k = 0;
            for (int b = 0; b < BATCHES.length; b++) {
                List<Tensor> batch = new ArrayList<>();
                for (int i = 0; i < BATCHES[b]; i++) {
                    batch.add(base.plus(Tensor.randn(seed * 1000 + k + i, 100, 100).times(0.01)));
                }
                try (Repository repo = Repository.open(dir.path())) {
                    long t0 = System.nanoTime();
                    for (Tensor w : batch) {
                        repo.session().stage("scaling_test_" + k, w).commit("weight " + k);
                        k++;
                    }
                    rate[b] = BATCHES[b] / ((System.nanoTime() - t0) / 1e9);
                }
                written.addAll(batch);
                kib[b] = ScratchDirectory.sizeOf(dir.path().resolve(".coral")) / 1024.0 / k;
            }
            double readMs;
            boolean exact = true;
            try (Repository repo = Repository.open(dir.path())) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    exact &= repo.read("main", "scaling_test_" + (i * 17)).equals(written.get(i * 17));
                }
                readMs = (System.nanoTime() - t0) / 1e6;
                for (int i = 0; i < written.size(); i++) {
                    exact &= repo.read("main", "scaling_test_" + i).equals(written.get(i));
                }
            }
            return new Run(kib, rate, readMs, exact);
        }
    }
}
