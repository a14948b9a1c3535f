package dev.coral.core.format;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the raw deflate stream of one zip entry into caller-sized buffers, so that the caller decides
 * how much memory to give it after checking what the entry's header declares. Problems are
 * {@link IllegalArgumentException}s; the caller adds the file and entry.
 */
final class EntryInflater implements AutoCloseable {
    private final Inflater inflater = new Inflater(true);
    private boolean paddedInput;

    EntryInflater(ByteBuffer compressed) {
        inflater.setInput(compressed.duplicate());
    }

    /** Inflates until {@code out} is full; fails if the stream ends first. */
    void fill(ByteBuffer out) {
        while (out.hasRemaining()) {
            if (inflateSome(out) == 0 && inflater.finished()) {
                throw new IllegalArgumentException("truncated: the compressed data ends " + out.remaining()
                        + " bytes early");
            }
        }
    }

    /** True when the stream has ended and produced nothing beyond what was filled. */
    boolean atEnd() {
        ByteBuffer probe = ByteBuffer.allocate(1);
        while (!inflater.finished()) {
            if (inflateSome(probe) > 0) {
                return false;
            }
        }
        return true;
    }

    private int inflateSome(ByteBuffer out) {
        try {
            int n = inflater.inflate(out);
            if (n == 0 && inflater.needsDictionary()) {
                throw new IllegalArgumentException("the compressed data needs a preset dictionary");
            }
            if (n == 0 && inflater.needsInput() && !inflater.finished()) {
                // zlib in raw mode may want one byte past the end of the stream before it reports the end.
                if (paddedInput) {
                    throw new IllegalArgumentException("truncated: the compressed data ends before the deflate stream does");
                }
                paddedInput = true;
                inflater.setInput(new byte[1]);
            }
            return n;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("damaged compressed data: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
