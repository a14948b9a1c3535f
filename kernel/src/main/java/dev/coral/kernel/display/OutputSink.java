package dev.coral.kernel.display;

import dev.coral.kernel.api.Rendering;

/** Where a running cell's output goes: the Jupyter IOPub channel, or a test's recorder. */
public interface OutputSink {

    /** Text written to {@code stream} ({@code "stdout"} or {@code "stderr"}). */
    void stream(String stream, String text);

    /** A new output, which later updates may replace by {@code displayId}. */
    void display(String displayId, Rendering rendering);

    /** Replaces the outputs shown under {@code displayId}. */
    void updateDisplay(String displayId, Rendering rendering);
}
