package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaneCompressorTest {
    /** Elements per plane: three full segments and a partial one, so decoding goes range by range. */
    private static final int N = 3 * PlaneCompressor.SEGMENT_BYTES + 1234;

    @Test
    void shuffledBodiesOfSeveralRangesDecodeToTheirElements() {
        for (int size : new int[] {2, 4, 8}) {
            byte[] elements = floatLike(size, N, new Random(size));
            ByteBuffer body = compressed(elements, size, N);
            byte[] out = new byte[elements.length];
            PlaneCompressor.decompressShuffled(body, size, N, out);
            assertArrayEquals(elements, out, "element size " + size);
        }
    }

    @Test
    void shuffledBodiesOfOneRangeDecodeToTheirElements() {
        int n = PlaneCompressor.SEGMENT_BYTES / 2 + 3;
        byte[] elements = floatLike(4, n, new Random(9));
        byte[] out = new byte[elements.length];
        PlaneCompressor.decompressShuffled(compressed(elements, 4, n), 4, n, out);
        assertArrayEquals(elements, out);
    }

    @Test
    void shufflingAndCompressingRangeByRangeWritesTheBodyOfShufflingThenCompressing() {
        for (int size : new int[] {2, 4, 8}) {
            byte[] elements = floatLike(size, N, new Random(10 + size));
            byte[] planes = new byte[elements.length];
            PlaneCompressor.Body body = PlaneCompressor.shuffleAndCompress(elements, size, N, planes, 1);
            ByteBuffer written = ByteBuffer.allocate(body.size());
            body.writeTo(written);
            byte[] expectedPlanes = new byte[elements.length];
            ByteShuffle.shuffle(elements, size, N, 0, N, expectedPlanes);
            assertArrayEquals(expectedPlanes, planes, "element size " + size);
            assertArrayEquals(compressed(elements, size, N).array(), written.array(), "element size " + size);
        }
    }

    @Test
    void anUnknownSegmentModeInALaterRangeIsReportedAsCorrupt() {
        byte[] elements = floatLike(4, N, new Random(3));
        ByteBuffer body = compressed(elements, 4, N);
        int lastSegment = 4 * 4 - 1;
        body.put(lastSegment * 5, (byte) 7);
        CorruptObjectException e = assertThrows(CorruptObjectException.class,
                () -> PlaneCompressor.decompressShuffled(body, 4, N, new byte[elements.length]));
        assertTrue(e.getMessage().contains("unknown mode"), e.getMessage());
    }

    /** Random low bytes and a top byte from a few values, so the top plane is compressed and the rest stored raw. */
    private static byte[] floatLike(int size, int n, Random random) {
        byte[] bytes = new byte[size * n];
        random.nextBytes(bytes);
        for (int i = 0; i < n; i++) {
            bytes[i * size + size - 1] = (byte) (0x3e + random.nextInt(3));
        }
        return bytes;
    }

    private static ByteBuffer compressed(byte[] elements, int size, int n) {
        byte[] planes = new byte[elements.length];
        ByteShuffle.shuffle(elements, size, n, 0, n, planes);
        PlaneCompressor.Body body = PlaneCompressor.compress(planes, size, n, 1);
        ByteBuffer out = ByteBuffer.allocate(body.size());
        body.writeTo(out);
        return out.flip();
    }
}
