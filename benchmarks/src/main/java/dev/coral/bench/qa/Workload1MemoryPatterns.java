package dev.coral.bench.qa;

import dev.coral.bench.Medians;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * QA workload 1: for 100², 500², 1000² float32, a new repository per run, time stage + commit
 * ("store") and a fresh read from a newly opened repository ("retrieve"), check bit-exactness, and
 * count the bytes allocated per tensor byte.
 *
 * <p>The first store and retrieve of each size are reported on their own (a cold JVM). Then every size
 * is run {@code warmupRounds} times before any is measured: warming up size by size measured the small
 * tensor with a cold JIT and the large one with a JIT already warmed by the smaller ones, so the medians
 * mixed JIT warm-up into some sizes and not others.
 */
final class Workload1MemoryPatterns {
    private static final int[] SIZES = {100, 500, 1000};
    private static final double[] UPSTREAM_STORE_MS = {3.0, 16.6, 78.6};
    private static final double[] UPSTREAM_RETRIEVE_MS = {1.1, 5.7, 17.4};
    private static final double[] UPSTREAM_EFFICIENCY = {27.75, 4.02, 2.85};

    private final int warmupRounds;
    private final int runs;

    Workload1MemoryPatterns(int warmupRounds, int runs) {
        this.warmupRounds = warmupRounds;
        this.runs = runs;
    }

    String run() {
        MarkdownTable table = new MarkdownTable("size", "store (median)", "upstream store", "speed-up",
                "retrieve (median)", "upstream retrieve", "speed-up", "first store / retrieve",
                "allocated / tensor bytes", "upstream RSS eff.", "bit-exact");
        long heapBefore = AllocationCounter.retainedHeapBytes();
        Tensor[] tensors = new Tensor[SIZES.length];
        Sample[] firsts = new Sample[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            tensors[s] = Tensor.randn(1000 + SIZES[s], SIZES[s], SIZES[s]);
            firsts[s] = measure(tensors[s]);
        }
        for (int round = 0; round < warmupRounds; round++) {
            for (Tensor tensor : tensors) {
                measure(tensor);
            }
        }
        for (int s = 0; s < SIZES.length; s++) {
            int n = SIZES[s];
            Tensor tensor = tensors[s];
            Sample first = firsts[s];
            List<Double> store = new ArrayList<>();
            List<Double> retrieve = new ArrayList<>();
            List<Double> allocation = new ArrayList<>();
            boolean exact = first.exact;
            for (int i = 0; i < runs; i++) {
                Sample m = measure(tensor);
                store.add(m.storeMs);
                retrieve.add(m.retrieveMs);
                allocation.add((double) m.allocatedBytes / tensor.byteSize());
                exact &= m.exact;
            }
            double storeMs = Medians.of(store);
            double retrieveMs = Medians.of(retrieve);
            table.row(n + "×" + n, MarkdownTable.ms(storeMs), MarkdownTable.ms(UPSTREAM_STORE_MS[s]),
                    MarkdownTable.ratio(UPSTREAM_STORE_MS[s], storeMs), MarkdownTable.ms(retrieveMs),
                    MarkdownTable.ms(UPSTREAM_RETRIEVE_MS[s]), MarkdownTable.ratio(UPSTREAM_RETRIEVE_MS[s], retrieveMs),
                    MarkdownTable.ms(first.storeMs) + " / " + MarkdownTable.ms(first.retrieveMs),
                    String.format("%.2fx", Medians.of(allocation)), UPSTREAM_EFFICIENCY[s] + "x", exact ? "yes" : "NO");
        }
        long retained = AllocationCounter.retainedHeapBytes() - heapBefore;
        return table + String.format("%nHeap retained after the loop and GC: %.2f MiB (the tensors themselves are "
                + "held by the runner).%n", retained / 1048576.0);
    }

    private record Sample(double storeMs, double retrieveMs, long allocatedBytes, boolean exact) {
    }

    private static Sample measure(Tensor tensor) {
        try (ScratchDirectory dir = new ScratchDirectory("coral-qa1-")) {
            long allocated;
            double storeMs;
            try (Repository repo = Repository.init(dir.path())) {
                long a0 = AllocationCounter.allocatedBytes();
                long t0 = System.nanoTime();
                repo.session().stage("weights", tensor).commit("store");
                storeMs = (System.nanoTime() - t0) / 1e6;
                allocated = AllocationCounter.allocatedBytes() - a0;
            }
            try (Repository repo = Repository.open(dir.path())) {
                long a0 = AllocationCounter.allocatedBytes();
                long t0 = System.nanoTime();
                Tensor back = repo.read("main", "weights");
                touchEveryPage(back);
                double retrieveMs = (System.nanoTime() - t0) / 1e6;
                allocated += AllocationCounter.allocatedBytes() - a0;
                return new Sample(storeMs, retrieveMs, allocated, back.equals(tensor));
            }
        }
    }

    /** Makes sure a lazily mapped result has really been read, so the timing is honest. */
    private static void touchEveryPage(Tensor t) {
        var data = t.data();
        long sum = 0;
        for (int i = 0; i < data.capacity(); i += 4096) {
            sum += data.get(i);
        }
        if (sum == Long.MIN_VALUE) {
            throw new AssertionError("unreachable");
        }
    }
}
