package dev.coral.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Writing whole buffers to channels, which may accept fewer bytes per call than offered. */
final class ChannelOutput {
    private ChannelOutput() {
    }

    static void writeFully(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
