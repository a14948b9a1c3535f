package dev.coral.kernel.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Displayer} that keeps every display and update in order instead of showing it, for tests of
 * code that shows progress or results. Its methods synchronize on the recorder itself, so a test may
 * hold that lock to read several entries while other threads still display.
 *
 * <pre>{@code
 * RecordingDisplayer shown = new RecordingDisplayer();
 * String id = shown.display("0 %");
 * shown.updateDisplay(id, "100 %");
 * shown.shown();   // [Shown[kind=display, displayId=display-0, value=0 %], Shown[kind=update, …]]
 * }</pre>
 */
public final class RecordingDisplayer implements Displayer {
    /**
     * One call.
     *
     * @param kind      {@code "display"} or {@code "update"}
     * @param displayId the id the display returned, or the id updated
     * @param value     the value shown, not rendered
     */
    public record Shown(String kind, String displayId, Object value) {
    }

    private final List<Shown> shown = new ArrayList<>();

    /** Records {@code value} and returns a new id, {@code display-N}, N being how many calls were recorded before. */
    @Override
    public synchronized String display(Object value) {
        String id = "display-" + shown.size();
        shown.add(new Shown("display", id, value));
        return id;
    }

    @Override
    public synchronized void updateDisplay(String displayId, Object value) {
        shown.add(new Shown("update", displayId, value));
    }

    /** Everything recorded so far, oldest first. */
    public synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** Forgets what was recorded. */
    public synchronized void clear() {
        shown.clear();
    }
}
