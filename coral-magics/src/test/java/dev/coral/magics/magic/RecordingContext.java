package dev.coral.magics.magic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.coral.kernel.api.MagicContext;
import dev.coral.magics.progress.ProgressState;

/** A notebook without a kernel, for driving {@link CoralMagic} directly: no variables; progress bars recorded. */
final class RecordingContext implements MagicContext {

    /** One display or update of a progress bar. */
    record Shown(String kind, String id, ProgressState state) {
    }

    final List<Shown> shown = new ArrayList<>();

    @Override
    public synchronized String display(Object value) {
        String id = "display-" + shown.size();
        shown.add(new Shown("display", id, (ProgressState) value));
        return id;
    }

    @Override
    public synchronized void updateDisplay(String displayId, Object value) {
        shown.add(new Shown("update", displayId, (ProgressState) value));
    }

    @Override
    public Object evaluate(String javaExpression) {
        throw new IllegalArgumentException("no Java here: " + javaExpression);
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.empty();
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public PrintStream err() {
        return System.err;
    }
}
