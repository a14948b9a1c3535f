package dev.coral.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.display.OutputSink;

/** Records what a cell sends to the notebook, in order. */
class RecordingSink implements OutputSink {

    record Event(String kind, String id, String text, Rendering rendering) {
    }

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stream(String stream, String text) {
        events.add(new Event(stream, null, text, null));
    }

    @Override
    public void display(String displayId, Rendering rendering) {
        events.add(new Event("display", displayId, null, rendering));
    }

    @Override
    public void updateDisplay(String displayId, Rendering rendering) {
        events.add(new Event("update", displayId, null, rendering));
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    String text(String stream) {
        StringBuilder all = new StringBuilder();
        for (Event e : events()) {
            if (e.kind().equals(stream)) {
                all.append(e.text());
            }
        }
        return all.toString();
    }
}
