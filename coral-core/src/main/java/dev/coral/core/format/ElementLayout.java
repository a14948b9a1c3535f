package dev.coral.core.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bit-exact rearrangements of element bytes: byte-order swap and column-major to row-major. */
final class ElementLayout {
    private ElementLayout() {
    }

    /** A copy of {@code src} with the bytes of every {@code itemSize}-byte element reversed. */
    static ByteBuffer swapBytes(ByteBuffer src, int itemSize) {
        ByteBuffer in = src.duplicate();
        ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        int base = in.position();
        for (int at = 0; at < out.capacity(); at += itemSize) {
            for (int k = 0; k < itemSize; k++) {
                out.put(at + k, in.get(base + at + itemSize - 1 - k));
            }
        }
        return out;
    }

    /** A row-major copy of column-major {@code src} holding elements of {@code itemSize} bytes. */
    static ByteBuffer fortranToC(ByteBuffer src, long[] shape, int itemSize) {
        ByteBuffer in = src.duplicate();
        int base = in.position();
        ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        int count = out.capacity() / itemSize;
        int rank = shape.length;
        long[] stride = new long[rank];
        long s = 1;
        for (int k = 0; k < rank; k++) {
            stride[k] = s;
            s *= shape[k];
        }
        long[] index = new long[rank];
        long from = 0;
        for (int i = 0; i < count; i++) {
            int src0 = base + (int) (from * itemSize);
            for (int k = 0; k < itemSize; k++) {
                out.put(i * itemSize + k, in.get(src0 + k));
            }
            // Advance the row-major multi-index (last dimension fastest), tracking the column-major offset.
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    from += stride[k];
                    break;
                }
                from -= (shape[k] - 1) * stride[k];
                index[k] = 0;
            }
        }
        return out;
    }
}
