package dev.coral.core.codec;

import java.util.stream.IntStream;

/** Runs a loop over {@code [0, n)} in slices on the common fork-join pool when it is long enough to pay. */
final class ParallelRanges {
    /** Elements per slice. */
    static final int SLICE = 128 * 1024;

    @FunctionalInterface
    interface RangeAction {
        void run(int from, int to);
    }

    @FunctionalInterface
    interface RangeTest {
        boolean test(int from, int to);
    }

    private ParallelRanges() {
    }

    /** Calls {@code action} on consecutive slices covering {@code [0, n)}; in parallel when {@code bytes} is large. */
    static void forEach(int n, long bytes, RangeAction action) {
        int slices = (n + SLICE - 1) / SLICE;
        if (slices <= 1 || bytes < PlaneCompressor.PARALLEL_FROM_BYTES) {
            action.run(0, n);
            return;
        }
        IntStream.range(0, slices).parallel().forEach(k -> action.run(k * SLICE, Math.min(n, (k + 1) * SLICE)));
    }

    /** Whether {@code test} holds on every slice of {@code [0, n)}; slices run in parallel when {@code bytes} is large. */
    static boolean allMatch(int n, long bytes, RangeTest test) {
        int slices = (n + SLICE - 1) / SLICE;
        if (slices <= 1 || bytes < PlaneCompressor.PARALLEL_FROM_BYTES) {
            return test.test(0, n);
        }
        return IntStream.range(0, slices).parallel().allMatch(k -> test.test(k * SLICE, Math.min(n, (k + 1) * SLICE)));
    }
}
