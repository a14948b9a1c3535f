package dev.coral.kernel.api;

import java.util.Optional;

/**
 * A {@link MagicContext} without a notebook session, for running a magic directly from a test, a
 * benchmark or a tool: there are no session variables, there is no Java to evaluate, output goes to
 * {@link System#out} and {@link System#err}, and displays go to the {@link Displayer} given.
 *
 * <pre>{@code
 * RecordingDisplayer shown = new RecordingDisplayer();
 * Object forecast = forecastMagic.run(MagicArgs.parse("Paris --days=5"), new StandaloneMagicContext(shown));
 * shown.shown();   // what the magic displayed, e.g. its progress
 * }</pre>
 */
public final class StandaloneMagicContext implements MagicContext {
    private final Displayer displays;

    /** A context whose displays and updates go to {@code displays}. */
    public StandaloneMagicContext(Displayer displays) {
        this.displays = displays;
    }

    /** @throws IllegalArgumentException always: there is no Java session to evaluate in */
    @Override
    public Object evaluate(String javaExpression) {
        throw new IllegalArgumentException("no Java session to evaluate " + javaExpression + " in: the magic runs outside a notebook");
    }

    /** Always empty: there is no session. */
    @Override
    public Optional<Object> variable(String name) {
        return Optional.empty();
    }

    @Override
    public String display(Object value) {
        return displays.display(value);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        displays.updateDisplay(displayId, value);
    }
}
