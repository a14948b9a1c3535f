package dev.coral.core.format;

import dev.coral.core.tensor.Shape;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads a byte range of a file that the caller has already checked to lie inside the file: small ranges
 * are copied to the heap, large ones are memory-mapped (zero-copy, read-only). Problems are
 * {@link IllegalArgumentException}s; the caller adds the file and tensor.
 */
final class FileRegions {
    /** Ranges at least this long are mapped rather than copied. */
    static final long MAP_THRESHOLD = 1 << 20;

    private FileRegions() {
    }

    static ByteBuffer read(FileChannel channel, long offset, long length) throws IOException {
        if (length > Shape.MAX_BYTES) {
            throw new IllegalArgumentException(length + " bytes at offset " + offset + " exceed the "
                    + Shape.MAX_BYTES + " bytes Coral reads as one tensor");
        }
        if (length >= MAP_THRESHOLD) {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length)).order(ByteOrder.LITTLE_ENDIAN);
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IllegalArgumentException("truncated: expected " + length + " bytes at offset " + offset
                        + ", the file ends at " + channel.size());
            }
            position += n;
        }
        return buffer.flip();
    }
}
