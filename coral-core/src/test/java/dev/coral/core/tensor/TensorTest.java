package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorTest {

    @Test
    void factoriesGiveDtypeShapeAndLittleEndianBytes() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(DType.FLOAT32, m.dtype());
        assertArrayEquals(new long[] {2, 3}, m.shape());
        assertEquals(6, m.numel());
        assertEquals(24, m.byteSize());
        assertEquals(6.0, m.getDouble(5));
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, java.util.Arrays.copyOf(m.toBytes(), 4));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.toFloatArray());

        assertEquals(DType.FLOAT64, Tensor.of(new double[][] {{1}, {2}}).dtype());
        assertEquals(-7L, (long) Tensor.of(new long[] {-7}).getDouble(0));
        assertEquals(DType.INT32, Tensor.of(new int[] {1}).dtype());
        assertEquals(-1.0, Tensor.of(new byte[] {-1}).getDouble(0));
        assertArrayEquals(new byte[] {1, 0, 1}, Tensor.of(new boolean[] {true, false, true}).toBytes());
    }

    @Test
    void scalarsAndZeroSize() {
        Tensor s = Tensor.scalar(2.5f);
        assertEquals(0, s.rank());
        assertArrayEquals(new long[0], s.shape());
        assertEquals(1, s.numel());
        assertEquals(2.5, s.getDouble(0));
        Tensor z = Tensor.zeros(DType.INT16, 0, 5);
        assertEquals(0, z.numel());
        assertEquals(0, z.byteSize());
        assertEquals(z, Tensor.zeros(DType.INT16, 0, 5));
        assertNotEquals(z, Tensor.zeros(DType.INT16, 5, 0));
    }

    @Test
    void randnIsReproducibleAndRoughlyNormal() {
        Tensor a = Tensor.randn(42, 100, 100);
        assertEquals(a, Tensor.randn(42, 100, 100));
        assertNotEquals(a, Tensor.randn(43, 100, 100));
        TensorStats s = TensorStats.of(a);
        assertEquals(0, s.mean(), 0.05);
        assertEquals(1, s.std(), 0.05);
    }

    @Test
    void wrapChecksSizesAndDoesNotCopy() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 7).putInt(4, 9);
        Tensor t = Tensor.wrap(DType.INT32, new long[] {2}, b);
        assertEquals(9.0, t.getDouble(1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Tensor.wrap(DType.INT32, new long[] {3}, ByteBuffer.allocate(8)));
        assertTrue(e.getMessage().contains("needs 12 bytes, got 8"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Tensor.wrap(DType.INT32, new long[] {-1}, ByteBuffer.allocate(0)));
        assertThrows(InvalidInputException.class,
                () -> Tensor.wrap(DType.FLOAT64, new long[] {1L << 40, 1L << 40}, ByteBuffer.allocate(0)));
    }

    @Test
    void isImmutable() {
        long[] shape = {2};
        Tensor t = Tensor.copyOf(DType.INT8, shape, new byte[] {1, 2});
        shape[0] = 5;
        assertArrayEquals(new long[] {2}, t.shape());
        t.shape()[0] = 9;
        assertArrayEquals(new long[] {2}, t.shape());
        assertThrows(ReadOnlyBufferException.class, () -> t.data().put(0, (byte) 3));
        t.toBytes()[0] = 7;
        assertEquals(1.0, t.getDouble(0));
    }

    @Test
    void reshapeKeepsBytes() {
        Tensor t = Tensor.of(new int[] {1, 2, 3, 4, 5, 6});
        Tensor r = t.reshape(3, 2);
        assertArrayEquals(new long[] {3, 2}, r.shape());
        assertArrayEquals(t.toBytes(), r.toBytes());
        assertEquals(t, r.reshape(6));
        assertThrows(InvalidInputException.class, () -> t.reshape(4, 2));
        assertEquals(0, Tensor.of(new float[] {1}).reshape().rank());
    }

    @Test
    void equalsIsBitExact() {
        Tensor nan = Tensor.of(new float[] {Float.NaN});
        assertEquals(nan, Tensor.of(new float[] {Float.NaN}));
        assertNotEquals(nan, Tensor.of(new float[] {Float.intBitsToFloat(0x7fc00001)}));
        assertNotEquals(Tensor.of(new float[] {0f}), Tensor.of(new float[] {-0f}));
        assertNotEquals(Tensor.of(new int[] {0}), Tensor.of(new float[] {0f}));
        assertEquals(nan.hashCode(), Tensor.of(new float[] {Float.NaN}).hashCode());
        Tensor heap = Tensor.of(new float[] {1, 2});
        ByteBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).flip();
        assertEquals(heap, Tensor.wrap(DType.FLOAT32, new long[] {2}, direct));
    }

    @Test
    void raggedRowsAreRefused() {
        assertThrows(InvalidInputException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertThrows(InvalidInputException.class, () -> Tensor.of(new double[][] {{1}, {2, 3}}));
    }

    @Test
    void toHalfRoundsToNearestEvenAndWidensExactly() {
        Tensor f = Tensor.of(new float[] {1 + 0x1p-11f, 65520f, -0f, 0x1p-24f});
        Tensor h = f.to(DType.FLOAT16);
        assertEquals(DType.FLOAT16, h.dtype());
        ByteBuffer bits = h.data();
        assertEquals(0x3c00, bits.getShort(0) & 0xffff);
        assertEquals(0x7c00, bits.getShort(2) & 0xffff);
        assertEquals(0x8000, bits.getShort(4) & 0xffff);
        assertEquals(0x0001, bits.getShort(6) & 0xffff);
        assertEquals(Tensor.of(new float[] {1, Float.POSITIVE_INFINITY, -0f, 0x1p-24f}), h.to(DType.FLOAT32));
        assertSame(f, f.to(DType.FLOAT32));
    }

    @Test
    void widening16BitFloatsKeepsNaNPayloadsIncludingSignalling() {
        short[] halfBits = {0x7c01, (short) 0xfe05, 0x7e00};
        ByteBuffer b = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : halfBits) {
            b.putShort(s);
        }
        Tensor half = Tensor.wrap(DType.FLOAT16, new long[] {3}, b.flip());
        ByteBuffer wide = half.to(DType.FLOAT32).data();
        for (int i = 0; i < halfBits.length; i++) {
            int exact = Float.floatToRawIntBits(HalfFloats.halfToFloat(halfBits[i]));
            assertEquals(Integer.toHexString(exact), Integer.toHexString(wide.getInt(4 * i)), "element " + i);
        }
        ByteBuffer bf = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 0x7f81);
        Tensor bfloat = Tensor.wrap(DType.BFLOAT16, new long[] {1}, bf);
        assertEquals(0x7f810000, bfloat.to(DType.FLOAT32).data().getInt(0));
    }

    @Test
    void conversionsBetweenKinds() {
        Tensor ints = Tensor.of(new int[] {-3, 0, 7});
        assertEquals(Tensor.of(new double[] {-3, 0, 7}), ints.to(DType.FLOAT64));
        assertEquals(Tensor.of(new long[] {-3, 0, 7}), ints.to(DType.INT64));
        assertArrayEquals(new byte[] {1, 0, 1}, ints.to(DType.BOOL).toBytes());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Tensor.of(new float[] {1.5f}).to(DType.INT32));
        assertTrue(e.getMessage().contains("would round"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Tensor.of(new double[] {0.1}).to(DType.FLOAT16));
        assertEquals(0x3c00, Tensor.of(new double[] {1.0}).to(DType.FLOAT16).data().getShort(0));
    }

    @Test
    void getDoubleForEveryDtype() {
        assertEquals(255.0, Tensor.copyOf(DType.UINT8, new long[] {1}, new byte[] {(byte) 255}).getDouble(0));
        assertEquals(-1.0, Tensor.copyOf(DType.INT8, new long[] {1}, new byte[] {(byte) 255}).getDouble(0));
        assertEquals(1.0, Tensor.copyOf(DType.BOOL, new long[] {1}, new byte[] {2}).getDouble(0));
        assertEquals(-2.0, Tensor.copyOf(DType.INT16, new long[] {1}, new byte[] {(byte) 0xfe, (byte) 0xff}).getDouble(0));
        assertEquals(1.0, Tensor.copyOf(DType.BFLOAT16, new long[] {1}, new byte[] {(byte) 0x80, 0x3f}).getDouble(0));
        assertEquals(1.0, Tensor.copyOf(DType.FLOAT16, new long[] {1}, new byte[] {0, 0x3c}).getDouble(0));
    }

    @Test
    void arithmetic() {
        Tensor a = Tensor.of(new float[] {1, 2});
        assertEquals(Tensor.of(new float[] {2, 4}), a.plus(a));
        assertEquals(Tensor.of(new float[] {0.5f, 1}), a.times(0.5));
        assertThrows(InvalidInputException.class, () -> a.plus(Tensor.of(new float[] {1})));
        assertThrows(InvalidInputException.class, () -> Tensor.of(new int[] {1}).times(2));
        assertNotSame(a, a.times(1));
        assertEquals("float32[2]", a.describe());
    }
}
