package dev.coral.kernel.protocol;

import java.util.Map;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.display.OutputSink;

/** Publishes a cell's output on IOPub, as children of the cell's execute request. */
final class IOPubSink implements OutputSink {

    private final ShellReplyEnvironment env;

    IOPubSink(ShellReplyEnvironment env) {
        this.env = env;
    }

    @Override
    public void stream(String stream, String text) {
        env.publish(new PublishStream(stream.equals("stderr") ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
    }

    @Override
    public void display(String displayId, Rendering rendering) {
        env.publish(new PublishDisplayData(displayData(rendering, displayId)));
    }

    @Override
    public void updateDisplay(String displayId, Rendering rendering) {
        env.publish(new PublishUpdateDisplayData(displayData(rendering, displayId)));
    }

    /** Jupyter's form of a rendering; JSON content is sent as a JSON value, not as a string. */
    static DisplayData displayData(Rendering rendering, String displayId) {
        DisplayData data = new DisplayData();
        for (Map.Entry<String, String> entry : rendering.data().entrySet()) {
            if (entry.getKey().equals(Rendering.JSON)) {
                data.putData(entry.getKey(), JsonParser.parseString(entry.getValue()));
            } else {
                data.putData(entry.getKey(), entry.getValue());
            }
        }
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
