package dev.coral.magics.progress;

import dev.coral.kernel.api.Displayer;
import dev.coral.kernel.api.Rendering;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    /** Keeps what the bar showed, as the notebook would see it. */
    static final class RecordingDisplayer implements Displayer {
        final List<String> ids = new ArrayList<>();
        final List<ProgressState> shown = new ArrayList<>();
        int displays;

        @Override
        public String display(Object value) {
            displays++;
            shown.add((ProgressState) value);
            ids.add("display-1");
            return "display-1";
        }

        @Override
        public void updateDisplay(String displayId, Object value) {
            shown.add((ProgressState) value);
            ids.add(displayId);
        }
    }

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
        assertEquals(List.of("display-1"), displayer.ids.subList(0, 1));
        assertTrue(displayer.ids.stream().allMatch("display-1"::equals), "every update goes to the same display");
        // 1 display + one update per 100 ms of the 1 s run (the last one reaching the total) + the final state
        assertEquals(1 + 10 + 1, displayer.shown.size(), displayer.shown.toString());
        ProgressState last = displayer.shown.get(displayer.shown.size() - 1);
        assertTrue(last.finished());
        assertEquals(1000, last.done());
        assertEquals(1000.0, last.rate(), 1e-9);
        assertEquals(0.5, displayer.shown.get(5).fraction(), 0.01);
    }

    @Test
    void laterPhasesReuseTheSameOutput() {
        bar.start(2, "reading");
        bar.advance(1);
        bar.advance(1);
        bar.done();
        bar.start(0, "storing 2 tensors");
        bar.done();
        assertTrue(displayer.ids.stream().allMatch("display-1"::equals));
        assertEquals(1, displayer.displays);
        ProgressState last = displayer.shown.get(displayer.shown.size() - 1);
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
        assertEquals(2, displayer.shown.size());
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
