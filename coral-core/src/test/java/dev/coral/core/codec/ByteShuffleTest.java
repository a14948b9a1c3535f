package dev.coral.core.codec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteShuffleTest {
    private static final int[] SIZES = {2, 4, 8};

    @Test
    void aRangeOfPlanesIsUnshuffledToItsPlaceInALongerTensor() {
        Random random = new Random(4);
        for (int size : SIZES) {
            int n = 1000;
            int first = 37;
            byte[] range = new byte[n * size];
            random.nextBytes(range);
            byte[] planes = new byte[range.length];
            ByteShuffle.shuffle(range, size, n, 0, n, planes);
            byte[] out = new byte[(first + n + 5) * size];
            ByteShuffle.unshuffle(planes, size, n, 0, n, out, first);
            byte[] expected = new byte[out.length];
            System.arraycopy(range, 0, expected, first * size, range.length);
            assertArrayEquals(expected, out, "size " + size);
        }
    }

    @Test
    void everyByteLandsInItsPlaneAndComesBack() {
        Random random = new Random(1);
        for (int size : SIZES) {
            for (int n : new int[] {0, 1, 2, 7, 8, 9, 15, 16, 17, 1000, 4099}) {
                byte[] in = new byte[n * size];
                random.nextBytes(in);
                byte[] planes = new byte[in.length];
                int cut = n / 3;
                ByteShuffle.shuffle(in, size, n, 0, cut, planes);
                ByteShuffle.shuffle(in, size, n, cut, n, planes);
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < size; p++) {
                        assertEquals(in[i * size + p], planes[p * n + i], "size " + size + " n " + n + " element " + i + " byte " + p);
                    }
                }
                byte[] out = new byte[in.length];
                ByteShuffle.unshuffle(planes, size, n, 0, cut, out);
                ByteShuffle.unshuffle(planes, size, n, cut, n, out);
                assertArrayEquals(in, out, "size " + size + " n " + n);
                assertTrue(ByteShuffle.unshufflesTo(planes, size, n, 0, n, in), "size " + size + " n " + n);
            }
        }
    }

    @Test
    void anyDifferentByteIsNoticedByTheCheck() {
        Random random = new Random(2);
        for (int size : SIZES) {
            int n = 257;
            byte[] in = new byte[n * size];
            random.nextBytes(in);
            byte[] planes = new byte[in.length];
            ByteShuffle.shuffle(in, size, n, 0, n, planes);
            for (int at = 0; at < in.length; at++) {
                byte[] other = in.clone();
                other[at] ^= (byte) (1 << random.nextInt(8));
                assertFalse(ByteShuffle.unshufflesTo(planes, size, n, 0, n, other), "size " + size + " byte " + at);
                int element = at / size;
                assertTrue(ByteShuffle.unshufflesTo(planes, size, n, element + 1, n, other), "outside the range checked");
            }
        }
    }

    @Test
    void parallelSlicesCoverLargeTensorsExactly() {
        Random random = new Random(3);
        for (int size : SIZES) {
            int n = 3 * ParallelRanges.SLICE + 5;
            byte[] in = new byte[n * size];
            random.nextBytes(in);
            byte[] planes = new byte[in.length];
            ParallelRanges.forEach(n, in.length, (from, to) -> ByteShuffle.shuffle(in, size, n, from, to, planes));
            byte[] out = new byte[in.length];
            ParallelRanges.forEach(n, in.length, (from, to) -> ByteShuffle.unshuffle(planes, size, n, from, to, out));
            assertArrayEquals(in, out);
            assertTrue(ParallelRanges.allMatch(n, in.length, (from, to) -> ByteShuffle.unshufflesTo(planes, size, n, from, to, in)));
            in[in.length - 1] ^= 1;
            assertFalse(ParallelRanges.allMatch(n, in.length, (from, to) -> ByteShuffle.unshufflesTo(planes, size, n, from, to, in)));
        }
    }
}
