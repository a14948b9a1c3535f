package dev.coral.core.dedup;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small fingerprint of a tensor's direction, for finding similar tensors without reading them.
 *
 * <p>The sketch holds the values at {@value #SAMPLE_SIZE} fixed positions (chosen by a generator
 * seeded with the element count, so every process picks the same positions for the same shape) and
 * the signs of that sample projected on {@value #BANDS}×{@value #BITS_PER_BAND} fixed random
 * hyperplanes of the sample space (random-projection LSH for cosine). The signs are cut into
 * {@value #BANDS} bands; two tensors whose cosine is 0.95 share at least one band with probability
 * ≈ 0.99, unrelated tensors ≈ 0.03. Buckets also key on dtype and shape, which similar tensors must
 * share. A sketch costs a few microseconds whatever the tensor's size.
 *
 * <pre>{@code
 * TensorSketch s = TensorSketch.of(tensor);
 * s.estimatedCosine(TensorSketch.of(other));   // cosine of the two samples
 * s.bucketKeys();                              // one 64-bit key per band
 * }</pre>
 */
public final class TensorSketch {
    /** Sampled positions per tensor (fewer when the tensor has fewer elements). */
    public static final int SAMPLE_SIZE = 64;
    public static final int BANDS = 8;
    public static final int BITS_PER_BAND = 8;
    private static final long POSITION_SEED = 0x5eed_c0a1L;
    private static final float[][] HYPERPLANES = hyperplanes();
    private static final Map<Long, int[]> POSITIONS = new ConcurrentHashMap<>();

    private final DType dtype;
    private final long[] shape;
    private final float[] sample;
    private final double norm;
    private final long signs;

    private TensorSketch(DType dtype, long[] shape, float[] sample) {
        this.dtype = dtype;
        this.shape = shape;
        this.sample = sample;
        double sum = 0;
        for (float v : sample) {
            sum += (double) v * v;
        }
        this.norm = Math.sqrt(sum);
        this.signs = signs(sample);
    }

    /** The sketch of {@code tensor}. */
    public static TensorSketch of(Tensor tensor) {
        int[] positions = positions(tensor.numel());
        float[] sample = new float[positions.length];
        for (int i = 0; i < positions.length; i++) {
            sample[i] = (float) tensor.getDouble(positions[i]);
        }
        return new TensorSketch(tensor.dtype(), tensor.shape(), sample);
    }

    /** Rebuilds a sketch from its parts (as stored by {@link #sampleBytes()}). */
    public static TensorSketch fromParts(DType dtype, long[] shape, byte[] sampleBytes) {
        float[] sample = new float[sampleBytes.length / 4];
        ByteBuffer.wrap(sampleBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(sample);
        return new TensorSketch(dtype, shape.clone(), sample);
    }

    private static int[] positions(long numel) {
        if (numel <= SAMPLE_SIZE) {
            int[] all = new int[(int) numel];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return POSITIONS.computeIfAbsent(numel, n -> {
            Random random = new Random(POSITION_SEED ^ n);
            int[] p = new int[SAMPLE_SIZE];
            for (int i = 0; i < p.length; i++) {
                p[i] = (int) Math.floorMod(random.nextLong(), n);
            }
            Arrays.sort(p);
            return p;
        });
    }

    private static float[][] hyperplanes() {
        Random random = new Random(0xc05_1e5L);
        float[][] planes = new float[BANDS * BITS_PER_BAND][SAMPLE_SIZE];
        for (float[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) random.nextGaussian();
            }
        }
        return planes;
    }

    /**
     * One bit per hyperplane: whether the sample's projection on it is ≥ 0. Four projections are
     * summed at once for speed, each still in element order, so the bits (and the bucket keys stored
     * by {@link SqliteSimilarityIndex}) are those of a plain loop.
     */
    private static long signs(float[] sample) {
        long bits = 0;
        for (int h = 0; h < HYPERPLANES.length; h += 4) {
            float[] p0 = HYPERPLANES[h];
            float[] p1 = HYPERPLANES[h + 1];
            float[] p2 = HYPERPLANES[h + 2];
            float[] p3 = HYPERPLANES[h + 3];
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            for (int i = 0; i < sample.length; i++) {
                float v = sample[i];
                d0 += p0[i] * v;
                d1 += p1[i] * v;
                d2 += p2[i] * v;
                d3 += p3[i] * v;
            }
            bits |= (d0 >= 0 ? 1L : 0) << h | (d1 >= 0 ? 1L : 0) << (h + 1)
                    | (d2 >= 0 ? 1L : 0) << (h + 2) | (d3 >= 0 ? 1L : 0) << (h + 3);
        }
        return bits;
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * False when the sample is all zeros or holds NaN or infinity: such a sketch has no direction and
     * is never indexed nor matched.
     */
    public boolean isUsable() {
        return norm > 0 && Double.isFinite(norm);
    }

    /** Cosine of the two samples; an estimate of the tensors' cosine. NaN when either is unusable. */
    public double estimatedCosine(TensorSketch other) {
        if (!isUsable() || !other.isUsable() || other.sample.length != sample.length) {
            return Double.NaN;
        }
        double dot = 0;
        for (int i = 0; i < sample.length; i++) {
            dot += (double) sample[i] * other.sample[i];
        }
        return dot / (norm * other.norm);
    }

    /** True when the two tensors have the same dtype and shape. */
    public boolean sameKind(TensorSketch other) {
        return dtype == other.dtype && Arrays.equals(shape, other.shape);
    }

    /**
     * One bucket key per band: a stable 64-bit hash of (dtype, shape, band number, band bits). The same
     * tensor gives the same keys in every process and every run.
     */
    public long[] bucketKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = 0xcbf29ce484222325L;
            h = mix(h, dtype.ordinal());
            h = mix(h, shape.length);
            for (long d : shape) {
                h = mix(h, d);
            }
            h = mix(h, band);
            h = mix(h, (signs >>> (band * BITS_PER_BAND)) & ((1L << BITS_PER_BAND) - 1));
            keys[band] = h;
        }
        return keys;
    }

    private static long mix(long h, long value) {
        for (int i = 0; i < 8; i++) {
            h ^= (value >>> (8 * i)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The sample as little-endian float32 bytes, for storage. */
    public byte[] sampleBytes() {
        ByteBuffer b = ByteBuffer.allocate(sample.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(sample);
        return b.array();
    }
}
