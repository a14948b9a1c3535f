package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Writes one tensor as a {@code .npy} array: version 1.0 header (2.0 when needed), little-endian, C order. */
final class NpyWriter {
    private NpyWriter() {
    }

    /**
     * The header bytes for {@code tensor}.
     *
     * @throws InvalidInputException for bfloat16, which numpy cannot represent
     */
    static byte[] header(Tensor tensor, String where) {
        try {
            return NpyHeader.format(tensor.dtype(), tensor.shape());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }

    static void write(WritableByteChannel channel, Tensor tensor, String where) throws IOException {
        ChannelOutput.writeFully(channel, ByteBuffer.wrap(header(tensor, where)));
        ChannelOutput.writeFully(channel, tensor.data());
    }
}
