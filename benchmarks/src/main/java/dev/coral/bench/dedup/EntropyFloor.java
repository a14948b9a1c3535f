package dev.coral.bench.dedup;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.util.List;
import java.util.Locale;

/**
 * How small QA workloads 2 and 3 can be stored without loss, next to what Coral stores. Each near copy
 * is {@code v = float32(b + σ·z)} with {@code z ~ N(0,1)} drawn independently of everything else, so given
 * its delta base the only information left in an element is the rounded noise: a discretized Gaussian whose
 * step is the spacing of float32 values around the element (its ulp). Its entropy is
 * {@code log2(s·√(2πe) / ulp)} bits, with {@code s} the noise between the tensor and its base ({@code σ}
 * against the true base, {@code σ·√2} between two siblings, {@code σ·√(1 + 1/m)} against the mean of
 * {@code m} siblings). No lossless coder can beat that on average; the sum over the elements is the floor
 * printed here (elements whose ulp exceeds the noise cost at least 0 bits). A tensor stored whole costs at
 * least the entropy of its own bit patterns: sign and 23 mantissa bits (uniform for N(0,1) data) plus the
 * empirical entropy of its exponents.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.dedup.EntropyFloor}
 */
public final class EntropyFloor {
    private static final double GAUSSIAN_CONSTANT = Math.sqrt(2 * Math.PI * Math.E);

    private EntropyFloor() {
    }

    public static void main(String[] args) {
        TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
        workload2(codec);
        workload3(codec);
    }

    /** One 200×200 base, N−1 copies {@code base + 0.001·N(0,1)}, each a delta against the base. */
    private static void workload2(TensorCodec codec) {
        Tensor base = Tensor.randn(42, 200, 200);
        double sigma = 0.001;
        double deltaFloor = 0;
        long deltaStored = 0;
        int samples = 20;
        for (int i = 0; i < samples; i++) {
            Tensor copy = base.plus(Tensor.randn(1000 + i, 200, 200).times(sigma));
            deltaFloor += floorBytes(base, sigma);
            deltaStored += codec.encode(copy, List.of(new BaseCandidate(TensorHasher.id(base), base, 0))).storedSize();
        }
        deltaFloor /= samples;
        double deltaActual = (double) deltaStored / samples;
        double baseFloor = wholeFloorBytes(base);
        long baseStored = codec.encode(base).storedSize();
        System.out.printf(Locale.ROOT, "QA workload 2 (200x200 float32, copies base + 0.001*N(0,1), delta against the base)%n%n");
        System.out.println("| N | logical B | floor B | best possible logical/stored | Coral encoded B | Coral logical/encoded |");
        System.out.println("|---|---|---|---|---|---|");
        for (int n : new int[] {10, 50, 100}) {
            long logical = n * base.byteSize();
            double floor = baseFloor + (n - 1) * deltaFloor;
            double ours = baseStored + (n - 1) * deltaActual;
            System.out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %.3fx | %,.0f | %.3fx |%n", n, logical, floor, logical / floor,
                    ours, logical / ours);
        }
        System.out.printf(Locale.ROOT, "%nper delta: floor %,.0f B (%.2f bits/element), Coral %,.0f B (%.2f bits/element, %.1f %% above); "
                        + "base stored whole: floor %,.0f B, Coral %,d B%n%n", deltaFloor, 8 * deltaFloor / base.numel(), deltaActual,
                8 * deltaActual / base.numel(), 100 * (deltaActual / deltaFloor - 1), baseFloor, baseStored);
    }

    /** 85 weights {@code base + 0.01·N(0,1)} (100×100); the base itself is never stored. */
    private static void workload3(TensorCodec codec) {
        Tensor base = Tensor.randn(7, 100, 100);
        double sigma = 0.01;
        int weights = 85;
        Tensor first = base.plus(Tensor.randn(7000, 100, 100).times(sigma));
        double siblingFloor = 0;
        double runningMeanFloor = 0;
        long siblingStored = 0;
        for (int k = 1; k < weights; k++) {
            Tensor w = base.plus(Tensor.randn(7000 + k, 100, 100).times(sigma));
            siblingFloor += floorBytes(first, sigma * Math.sqrt(2));
            runningMeanFloor += floorBytes(base, sigma * Math.sqrt(1 + 1.0 / k));
            siblingStored += codec.encode(w, List.of(new BaseCandidate(TensorHasher.id(first), first, 0))).storedSize();
        }
        double firstFloor = wholeFloorBytes(first);
        long firstStored = codec.encode(first).storedSize();
        System.out.printf(Locale.ROOT, "QA workload 3 (85 weights 100x100 float32, base + 0.01*N(0,1); the base is never stored)%n%n");
        System.out.println("| what | KiB per weight (tensor payloads only) |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| floor, each weight a delta against a sibling (what a delta codec can reach) | %.2f |%n",
                (firstFloor + siblingFloor) / weights / 1024);
        System.out.printf(Locale.ROOT, "| floor, each weight given all earlier ones (an oracle predictor) | %.2f |%n",
                (firstFloor + runningMeanFloor) / weights / 1024);
        System.out.printf(Locale.ROOT, "| Coral payloads (first whole, the others DIFF_DELTA against the first) | %.2f |%n%n",
                (firstStored + siblingStored) / (double) weights / 1024);
    }

    /** The least bytes that can hold {@code float32(b + s·z)} given {@code b}, summed over the elements. */
    static double floorBytes(Tensor base, double noise) {
        double bits = 0;
        for (long i = 0; i < base.numel(); i++) {
            float b = (float) base.getDouble(i);
            float around = (float) Math.max(Math.abs(b), noise);
            bits += Math.max(0, log2(noise * GAUSSIAN_CONSTANT / Math.ulp(around)));
        }
        return bits / 8;
    }

    /** The least bytes for float32 N(0,1) data stored whole: sign and mantissa bits, and the exponents' entropy. */
    static double wholeFloorBytes(Tensor t) {
        long[] exponents = new long[256];
        for (long i = 0; i < t.numel(); i++) {
            exponents[(Float.floatToRawIntBits((float) t.getDouble(i)) >>> 23) & 0xff]++;
        }
        double exponentBits = 0;
        for (long count : exponents) {
            if (count > 0) {
                double p = (double) count / t.numel();
                exponentBits -= count * log2(p);
            }
        }
        return (24.0 * t.numel() + exponentBits) / 8;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
