package dev.coral.kernel.display;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.coral.kernel.api.Rendering;

/**
 * An {@link OutputSink} that keeps what a cell sends to the notebook, in order, for tests that run
 * cells in an in-process kernel session. Cells may write from several threads; reads take a snapshot.
 *
 * <pre>{@code
 * RecordingOutputSink sink = new RecordingOutputSink();
 * session.execute("System.out.println(\"hi\")", 1, sink);
 * sink.text("stdout");   // "hi\n"
 * }</pre>
 */
public class RecordingOutputSink implements OutputSink {
    /**
     * One output message.
     *
     * @param kind      {@code "stdout"}, {@code "stderr"}, {@code "display"} or {@code "update"}
     * @param displayId the display's id; null for stream text
     * @param text      the text written; null for displays
     * @param rendering what was displayed; null for stream text
     */
    public record Output(String kind, String displayId, String text, Rendering rendering) {
    }

    private final List<Output> outputs = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stream(String stream, String text) {
        outputs.add(new Output(stream, null, text, null));
    }

    @Override
    public void display(String displayId, Rendering rendering) {
        outputs.add(new Output("display", displayId, null, rendering));
    }

    @Override
    public void updateDisplay(String displayId, Rendering rendering) {
        outputs.add(new Output("update", displayId, null, rendering));
    }

    /** Everything recorded so far, oldest first. */
    public List<Output> outputs() {
        synchronized (outputs) {
            return List.copyOf(outputs);
        }
    }

    /** All text written to {@code stream} ({@code "stdout"} or {@code "stderr"}), joined. */
    public String text(String stream) {
        StringBuilder all = new StringBuilder();
        for (Output o : outputs()) {
            if (o.kind().equals(stream)) {
                all.append(o.text());
            }
        }
        return all.toString();
    }
}
