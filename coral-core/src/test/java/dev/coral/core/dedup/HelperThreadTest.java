package dev.coral.core.dedup;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelperThreadTest {

    @Test
    void everyForkedTaskRunsOnceAndItsWritesAreVisibleAfterJoin() {
        try (HelperThread helper = new HelperThread("test-helper")) {
            int[] slot = new int[1];
            AtomicInteger runs = new AtomicInteger();
            Set<String> runners = ConcurrentHashMap.newKeySet();
            for (int i = 1; i <= 2_000; i++) {
                int value = i;
                Runnable task = () -> {
                    slot[0] = value;
                    runs.incrementAndGet();
                    runners.add(Thread.currentThread().getName());
                };
                assertTrue(helper.tryFork(task));
                workFor(20_000);
                helper.join();
                assertEquals(value, slot[0]);
            }
            assertEquals(2_000, runs.get());
            assertTrue(runners.contains("test-helper"), "the helper ran some tasks: " + runners);
        }
    }

    @Test
    void aSecondForkIsRefusedWhileATaskIsInFlight() throws Exception {
        try (HelperThread helper = new HelperThread("test-helper")) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertTrue(helper.tryFork(() -> {
                started.countDown();
                awaitQuietly(release);
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS), "the helper picks the task up");
            assertFalse(helper.tryFork(() -> { }));
            release.countDown();
            helper.join();
            assertTrue(helper.tryFork(() -> { }), "free again after the join");
            helper.join();
        }
    }

    @Test
    void aFailureReachesTheJoiningThread() {
        try (HelperThread helper = new HelperThread("test-helper")) {
            IllegalStateException failure = new IllegalStateException("boom");
            assertTrue(helper.tryFork(() -> {
                throw failure;
            }));
            assertSame(failure, assertThrows(IllegalStateException.class, helper::join));
            assertTrue(helper.tryFork(() -> { }), "a failure leaves the helper usable");
            helper.join();
        }
    }

    @Test
    void aClosedHelperTakesNoTasks() {
        HelperThread helper = new HelperThread("test-helper");
        helper.close();
        assertFalse(helper.tryFork(() -> { }));
    }

    /** The caller's own part of the work, while the helper may pick the task up. */
    private static void workFor(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
