package dev.coral.bench.qa;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Bytes allocated on the heap by every live thread (JVM thread allocation counters) and heap in use after GC. */
final class AllocationCounter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private AllocationCounter() {
    }

    /** Sum of the allocation counters of all live threads (pool threads included). */
    static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long n : THREADS.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, n);
        }
        return total;
    }

    /** Heap in use after a full collection. */
    static long retainedHeapBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
