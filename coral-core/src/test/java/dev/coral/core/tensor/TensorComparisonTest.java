package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorComparisonTest {

    @Test
    void identicalTensors() {
        Tensor t = Tensor.randn(3, 50, 50);
        TensorComparison c = TensorComparison.of(t, t);
        assertEquals(0, c.l2());
        assertEquals(1, c.cosine(), 1e-12);
        assertEquals(0, c.maxAbsDelta());
        assertEquals(0, c.fractionChanged());
    }

    @Test
    void knownDifferences() {
        Tensor a = Tensor.of(new double[] {1, 0, 0, 0});
        Tensor b = Tensor.of(new double[] {0, 1, 0, 0});
        TensorComparison c = TensorComparison.of(a, b);
        assertEquals(Math.sqrt(2), c.l2(), 1e-12);
        assertEquals(0, c.cosine(), 1e-12);
        assertEquals(1, c.maxAbsDelta());
        assertEquals(0.5, c.fractionChanged());
    }

    @Test
    void scalingKeepsTheDirection() {
        Tensor a = Tensor.randn(4, 100);
        TensorComparison c = TensorComparison.of(a, a.times(3));
        assertEquals(1, c.cosine(), 1e-9);
        assertTrue(c.l2() > 0);
    }

    @Test
    void changesAreCountedByBits() {
        Tensor a = Tensor.of(new float[] {0f, Float.NaN, 1f});
        Tensor b = Tensor.of(new float[] {-0f, Float.NaN, 1f});
        TensorComparison c = TensorComparison.of(a, b);
        assertEquals(1.0 / 3, c.fractionChanged(), 1e-12);
        assertEquals(0, c.maxAbsDelta());
        assertEquals(0, c.l2());
        TensorComparison payload = TensorComparison.of(Tensor.of(new float[] {Float.NaN}),
                Tensor.of(new float[] {Float.intBitsToFloat(0x7fc00001)}));
        assertEquals(1, payload.fractionChanged());
    }

    @Test
    void nonFiniteElementsAreLeftOutOfTheDistances() {
        Tensor a = Tensor.of(new double[] {1, Double.POSITIVE_INFINITY, 2});
        Tensor b = Tensor.of(new double[] {1, 5, 4});
        TensorComparison c = TensorComparison.of(a, b);
        assertEquals(2, c.l2(), 1e-12);
        assertEquals(2, c.maxAbsDelta());
        assertEquals(2.0 / 3, c.fractionChanged(), 1e-12);
    }

    @Test
    void zeroTensorsAndZeroSize() {
        TensorComparison zeros = TensorComparison.of(Tensor.zeros(DType.FLOAT32, 4), Tensor.zeros(DType.FLOAT32, 4));
        assertTrue(Double.isNaN(zeros.cosine()));
        TensorComparison empty = TensorComparison.of(Tensor.zeros(DType.INT8, 0), Tensor.zeros(DType.INT8, 0));
        assertEquals(0, empty.fractionChanged());
    }

    @Test
    void refusesDifferentDtypeOrShape() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TensorComparison.of(Tensor.of(new float[] {1}), Tensor.of(new double[] {1})));
        assertTrue(e.getMessage().contains("float32[1]") && e.getMessage().contains("float64[1]"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> TensorComparison.of(Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {1, 2}).reshape(2, 1)));
    }
}
