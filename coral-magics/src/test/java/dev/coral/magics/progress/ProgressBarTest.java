package dev.coral.magics.progress;

import dev.coral.kernel.api.RecordingDisplayer;
import dev.coral.kernel.api.RecordingDisplayer.Shown;
import dev.coral.kernel.api.Rendering;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private final AtomicLong clock = new AtomicLong();
    private final RecordingDisplayer displayer = new RecordingDisplayer();
    private final ProgressBar bar = new ProgressBar(displayer, ProgressUnit.COUNT, clock::get, Duration.ofMillis(100));

    @Test
    void showsOnceThenUpdatesInPlaceAtMostEveryInterval() {
        bar.start(1000, "committing");
        for (int i = 1; i <= 1000; i++) {
            clock.addAndGet(1_000_000);          // 1 ms per item
            bar.advance(1);
        }
        bar.done();
        assertEquals("display", displayer.shown().get(0).kind());
        assertOneDisplayUpdatedInPlace();
        // 1 display + one update per 100 ms of the 1 s run (the last one reaching the total) + the final state
        List<ProgressState> states = states();
        assertEquals(1 + 10 + 1, states.size(), states.toString());
        ProgressState last = states.get(states.size() - 1);
        assertTrue(last.finished());
        assertEquals(1000, last.done());
        assertEquals(1000.0, last.rate(), 1e-9);
        assertEquals(0.5, states.get(5).fraction(), 0.01);
    }

    @Test
    void laterPhasesReuseTheSameOutput() {
        bar.start(2, "reading");
        bar.advance(1);
        bar.advance(1);
        bar.done();
        bar.start(0, "storing 2 tensors");
        bar.done();
        assertOneDisplayUpdatedInPlace();
        List<ProgressState> states = states();
        ProgressState last = states.get(states.size() - 1);
        assertEquals("storing 2 tensors", last.task());
        assertTrue(last.finished());
    }

    @Test
    void advancesAfterDoneAreIgnoredAndCloseEndsOnce() {
        try (ProgressBar b = bar) {
            b.start(0, "gc");
            b.done();
            b.advance(5);
        }
        assertEquals(2, displayer.shown().size());
    }

    private void assertOneDisplayUpdatedInPlace() {
        List<Shown> shown = displayer.shown();
        assertEquals(1, shown.stream().filter(s -> s.kind().equals("display")).count(), shown.toString());
        assertTrue(shown.stream().allMatch(s -> s.displayId().equals(shown.get(0).displayId())),
                "every update goes to the same display");
    }

    private List<ProgressState> states() {
        return displayer.shown().stream().map(s -> (ProgressState) s.value()).toList();
    }

    @Test
    void misuseIsReportedClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bar.advance(1));
        assertTrue(e.getMessage().contains("start("), e.getMessage());
    }

    @Test
    void viewShowsPercentAmountsRateAndTimeLeft() throws Exception {
        ProgressState s = new ProgressState("importing <model>", 42L << 20, 100L << 20, ProgressUnit.BYTES,
                2_000_000_000L, false);
        Rendering r = new ProgressView().render(s);
        String html = r.data().get(Rendering.HTML);
        assertTrue(html.contains("importing &lt;model&gt;"), html);
        assertTrue(html.contains("42 %"), html);
        assertTrue(html.contains("42.0 MiB of 100.0 MiB · 21.0 MiB/s · 2.76 s left"), html);
        assertTrue(html.contains("width:42.0%"), html);
        String text = r.data().get(Rendering.TEXT);
        assertTrue(text.startsWith("importing <model> [#############·················] 42 %"), text);
    }
}
