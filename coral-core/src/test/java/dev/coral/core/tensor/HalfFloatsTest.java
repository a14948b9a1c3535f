package dev.coral.core.tensor;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfFloatsTest {
    private static final int SAMPLES = 2_000_000;

    @Test
    void everyHalfSurvivesHalfToFloatToHalf() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.halfToFloat((short) h);
            short back = HalfFloats.floatToHalf(f);
            if (isHalfNaN(h)) {
                assertTrue(Float.isNaN(f), hex(h));
                assertTrue(isHalfNaN(back & 0xffff), hex(h));
                assertEquals(h & 0x8000, back & 0x8000, "sign of NaN " + hex(h));
                if ((h & 0x0200) != 0) {
                    assertEquals(h, back & 0xffff, "quiet NaN payload " + hex(h));
                }
            } else {
                assertEquals(h, back & 0xffff, hex(h));
            }
        }
    }

    @Test
    void everyHalfWidensToItsExactValue() {
        for (int h = 0; h < 0x10000; h++) {
            if (isHalfNaN(h)) {
                continue;
            }
            int exp = (h >>> 10) & 0x1f;
            int mant = h & 0x3ff;
            double value = exp == 0x1f ? Double.POSITIVE_INFINITY
                    : exp == 0 ? mant * 0x1p-24 : (1024 + mant) * Math.pow(2, exp - 25);
            if ((h & 0x8000) != 0) {
                value = -value;
            }
            assertEquals(Double.doubleToRawLongBits(value),
                    Double.doubleToRawLongBits(HalfFloats.halfToFloat((short) h)), hex(h));
        }
    }

    @Test
    void everyBfloat16SurvivesTheRoundTrip() {
        for (int b = 0; b < 0x10000; b++) {
            float f = HalfFloats.bfloat16ToFloat((short) b);
            assertEquals(b << 16, Float.floatToRawIntBits(f), hex(b));
            short back = HalfFloats.floatToBfloat16(f);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.bfloat16ToFloat(back)), hex(b));
                assertEquals(b & 0x8000, back & 0x8000, "sign of NaN " + hex(b));
            } else {
                assertEquals(b, back & 0xffff, hex(b));
            }
        }
    }

    @Test
    void halfRoundingTiesToEven() {
        assertHalf(0x3c00, 1 + 0x1p-11f);          // halfway between 1 and the next half: to even (1)
        assertHalf(0x3c02, 1 + 3 * 0x1p-11f);      // halfway between odd and even: up to even
        assertHalf(0x3c01, 1 + 0x1p-11f + 0x1p-20f); // just above halfway: up
        assertHalf(0x7bff, 65519.996f);            // below the overflow midpoint: max half
        assertHalf(0x7c00, 65520f);                // the overflow midpoint rounds to even: infinity
        assertHalf(0x0000, 0x1p-25f);              // halfway between 0 and the smallest subnormal: 0
        assertHalf(0x0001, 0x1p-25f + 0x1p-40f);   // just above: the smallest subnormal
        assertHalf(0x0002, 3 * 0x1p-25f);          // halfway between subnormals 1 and 2: even (2)
        assertHalf(0x0400, 0x1p-14f - 0x1p-26f);   // rounds up from the largest subnormal to the smallest normal
        assertHalf(0x8000, -0.0f);
        assertHalf(0xfc00, Float.NEGATIVE_INFINITY);
    }

    @Test
    void halfRoundingMatchesAReferenceOnRandomFloats() {
        double[] halves = new double[0x7c01];
        for (int h = 0; h <= 0x7bff; h++) {
            halves[h] = HalfFloats.halfToFloat((short) h);
        }
        halves[0x7c00] = 65536; // where the next half would be with an unbounded exponent
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < SAMPLES; i++) {
            // Bias the exponent into and around the half range so that all branches are hit.
            int exp = 127 - 30 + random.nextInt(48);
            int bits = random.nextInt(2) << 31 | exp << 23 | random.nextInt(1 << 23);
            float f = Float.intBitsToFloat(bits);
            assertEquals(referenceHalf(f, halves), HalfFloats.floatToHalf(f) & 0xffff, Float.toString(f));
        }
    }

    @Test
    void bfloat16RoundingMatchesAReferenceOnRandomFloats() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < SAMPLES; i++) {
            int bits = random.nextInt();
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f)) {
                continue;
            }
            assertEquals(referenceBfloat16(bits), HalfFloats.floatToBfloat16(f) & 0xffff, Integer.toHexString(bits));
        }
        assertEquals(0x3f80, HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3f808000)) & 0xffff); // tie to even
        assertEquals(0x3f82, HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3f818000)) & 0xffff); // tie up to even
        assertEquals(0x7f80, HalfFloats.floatToBfloat16(Float.MAX_VALUE) & 0xffff);                 // overflows
    }

    private static int referenceHalf(float f, double[] halves) {
        int sign = Float.floatToRawIntBits(f) < 0 ? 0x8000 : 0;
        double a = Math.abs((double) f);
        int lo = 0;
        int hi = halves.length - 1;
        if (a >= halves[hi]) {
            return sign | 0x7c00;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (halves[mid] <= a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double down = a - halves[lo];
        double up = halves[hi] - a;
        int chosen = down < up ? lo : up < down ? hi : (lo % 2 == 0 ? lo : hi);
        return sign | chosen;
    }

    private static int referenceBfloat16(int bits) {
        int sign = bits & 0x80000000;
        int magnitude = bits & 0x7fffffff;
        int lo = magnitude & 0xffff0000;
        double a = Float.intBitsToFloat(magnitude);
        double low = Float.intBitsToFloat(lo);
        double high = lo + 0x10000 == 0x7f800000 ? 0x1p128 : Float.intBitsToFloat(lo + 0x10000);
        if (Double.isInfinite(a)) {
            return (sign | magnitude) >>> 16;
        }
        double down = a - low;
        double up = high - a;
        int chosen = down < up ? lo : up < down ? lo + 0x10000 : ((lo >>> 16) % 2 == 0 ? lo : lo + 0x10000);
        return (sign | chosen) >>> 16;
    }

    private static void assertHalf(int expected, float f) {
        assertEquals(expected, HalfFloats.floatToHalf(f) & 0xffff, Float.toString(f));
    }

    private static boolean isHalfNaN(int h) {
        return (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0;
    }

    private static String hex(int h) {
        return String.format("0x%04x", h);
    }
}
