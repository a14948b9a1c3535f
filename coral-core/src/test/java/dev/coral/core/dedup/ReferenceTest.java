package dev.coral.core.dedup;

import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTest {

    @Test
    void floatLaneCosineAgreesWithTheDoubleCosine() {
        FloatRows scratch = new FloatRows();
        for (long[] shape : new long[][] {{32, 32}, {1025}, {200, 200}, {3, 100, 101}}) {
            for (double noise : new double[] {0.001, 0.3, 3}) {
                Tensor base = Tensor.randn(shape.length, shape);
                Tensor other = base.plus(Tensor.randn(17, shape).times(noise));
                Reference reference = referenceOf(base);
                assertTrue(FloatRows.suits(other));
                scratch.load(other);
                assertEquals(Cosine.of(other, base), reference.cosine(other, scratch), 1e-6,
                        "shape " + java.util.Arrays.toString(shape) + ", noise " + noise);
            }
        }
    }

    @Test
    void sumsBeyondTheFloatRangeFallBackToDoubles() {
        Tensor base = Tensor.randn(1, 100, 100).times(1e20);
        Tensor other = base.plus(Tensor.randn(2, 100, 100).times(1e17));
        FloatRows rows = FloatRows.of(other);
        assertTrue(Double.isNaN(rows.normSquared()), "squares of 1e20 overflow a float lane");
        double cosine = referenceOf(base).cosine(other, rows);
        assertEquals(Cosine.of(other, base), cosine, 1e-12);
        assertTrue(cosine > 0.99);
    }

    @Test
    void otherKindsAndValuesWithoutDirectionGiveNaN() {
        Tensor base = Tensor.randn(1, 64, 64);
        Reference reference = referenceOf(base);
        Tensor reshaped = base.reshape(4096);
        assertTrue(Double.isNaN(reference.cosine(reshaped, FloatRows.of(reshaped))));
        Tensor widened = base.to(DType.FLOAT64);
        assertTrue(Double.isNaN(reference.cosine(widened, null)));
        ByteBuffer withNaN = ByteBuffer.allocate((int) base.byteSize()).order(ByteOrder.LITTLE_ENDIAN).put(base.data());
        withNaN.putFloat(400, Float.NaN).flip();
        Tensor nan = Tensor.wrap(DType.FLOAT32, base.shape(), withNaN);
        assertTrue(Double.isNaN(reference.cosine(nan, FloatRows.of(nan))));
        Tensor zeros = Tensor.zeros(DType.FLOAT32, 64, 64);
        assertTrue(Double.isNaN(reference.cosine(zeros, FloatRows.of(zeros))));
    }

    @Test
    void aReferenceIsTheTensorOfTheBytesItWasGiven() {
        Tensor small = Tensor.randn(3, 10, 10);
        byte[] bits = small.toBytes();
        Reference reference = Reference.of(TensorHasher.id(small), DType.FLOAT32, small.shape(), bits);
        assertSame(bits, reference.bits, "kept, not copied: the add hands over an array of its own");
        assertEquals(small, reference.tensor);
        assertFalse(FloatRows.suits(small), "below one row the plain cosine is used");
        Tensor other = small.plus(Tensor.randn(4, 10, 10).times(0.01));
        assertEquals(Cosine.of(other, small), reference.cosine(other, null), 1e-12);
    }

    private static Reference referenceOf(Tensor tensor) {
        return Reference.of(TensorHasher.id(tensor), tensor.dtype(), tensor.shape(), tensor.toBytes());
    }
}
