package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.RecordingDisplayer;
import dev.coral.magics.progress.ProgressBar;
import dev.coral.magics.progress.ProgressState;
import dev.coral.magics.progress.ProgressUnit;

class CellProgressTest {
    private final ScheduledExecutorService clockThread = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong now = new AtomicLong();
    private final RecordingDisplayer displays = new RecordingDisplayer();

    @AfterEach
    void stop() {
        clockThread.shutdownNow();
    }

    @Test
    void aQuickCommandShowsNothing() {
        try (CellProgress p = new CellProgress("status", bar(), CellProgress.QUIET_PERIOD, clockThread, now::get)) {
            p.start(3, "reading");
            p.advance(3);
            p.done();
            now.addAndGet(CellProgress.QUIET_PERIOD.toNanos() / 2);
        }
        assertEquals(List.of(), displays.shown());
    }

    @Test
    void aLongCommandGetsOneBarUpdatedInPlaceThenTheTimeItTook() {
        CellProgress p = new CellProgress("add", bar(), CellProgress.QUIET_PERIOD, clockThread, now::get);
        p.start(4, "reading");
        now.addAndGet(CellProgress.QUIET_PERIOD.toNanos() + 1);
        p.advance(1);
        now.addAndGet(200_000_000);
        p.advance(1);
        p.close();
        synchronized (displays) {
            assertEquals("display", displays.shown().get(0).kind());
            String id = displays.shown().get(0).displayId();
            assertTrue(displays.shown().stream().allMatch(e -> e.displayId().equals(id)), "one bar, updated in place");
            ProgressState first = state(0);
            assertEquals(List.of("reading", 4L), List.of(first.task(), first.total()), "the phase is replayed");
            assertTrue(displays.shown().stream().anyMatch(e -> ((ProgressState) e.value()).done() == 2), "the bar follows the phase");
            ProgressState last = state(displays.shown().size() - 1);
            assertEquals(List.of("reading", 2L, true), List.of(last.task(), last.done(), last.finished()));
        }
    }

    @Test
    void aCommandWithoutPhasesGetsABarNamedAfterItsVerb() throws Exception {
        CellProgress p = new CellProgress("fsck", bar(), CellProgress.QUIET_PERIOD, clockThread, now::get);
        now.addAndGet(CellProgress.QUIET_PERIOD.toNanos() + 1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!p.wasShown() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.close();
        synchronized (displays) {
            assertTrue(p.wasShown(), "the clock shows the bar once the quiet period is over");
            assertEquals(List.of("coral fsck", 0L, false), List.of(state(0).task(), state(0).total(), state(0).finished()));
            assertTrue(state(displays.shown().size() - 1).finished());
        }
    }

    @Test
    void updatesAreThrottledToTenPerSecond() {
        CellProgress p = new CellProgress("export", bar(), CellProgress.QUIET_PERIOD, clockThread, now::get);
        now.addAndGet(CellProgress.QUIET_PERIOD.toNanos() + 1);
        p.start(1000, "reading tensors");
        for (int i = 0; i < 1000; i++) {
            p.advance(1);
            now.addAndGet(1_000_000);
        }
        p.close();
        synchronized (displays) {
            assertFalse(displays.shown().size() > 20, displays.shown().size() + " updates for one second of work");
            assertTrue(displays.shown().size() >= 10, displays.shown().size() + " updates");
        }
    }

    private ProgressBar bar() {
        return new ProgressBar(displays, ProgressUnit.COUNT, now::get, ProgressBar.DEFAULT_INTERVAL);
    }

    private ProgressState state(int i) {
        return (ProgressState) displays.shown().get(i).value();
    }
}
