package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TensorCodecTest {
    private static final double[] DIFFERING_FRACTIONS = {0, 0.001, 0.5, 1};
    private final TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);

    @Test
    void everyDtypeShapeAndBaseDifferenceDecodesBitExactly() {
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            DType dtype = DType.values()[random.nextInt(DType.values().length)];
            Tensor tensor = randomTensor(random, dtype, randomShape(random));
            double fraction = DIFFERING_FRACTIONS[round % DIFFERING_FRACTIONS.length];
            Tensor base = differIn(random, tensor, fraction);
            ObjectId baseId = TensorHasher.id(base);
            EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
            String what = tensor.describe() + " vs base differing in " + fraction + " of elements, " + e.codec();
            assertEquals(tensor, codec.decode(e.payload(), id -> lookup(id, baseId, base)), what);
            PayloadHeader header = TensorCodec.readHeader(e.payload());
            assertEquals(e.codec(), header.codec(), what);
            assertEquals(tensor.dtype(), header.dtype(), what);
            assertArrayEquals(tensor.shape(), header.shape(), what);
            assertEquals(e.baseId(), header.baseId(), what);
            assertEquals(e.depth(), header.depth(), what);
            assertTrue(e.storedSize() <= header.length() + tensor.byteSize(), "never larger than raw: " + what);
            if (e.codec().isDelta()) {
                assertEquals(baseId, e.baseId(), what);
                assertEquals(1, e.depth(), what);
            }
        }
    }

    @Test
    void everyCodecOnItsOwnDecodesBitExactly() {
        Random random = new Random(43);
        for (int round = 0; round < 200; round++) {
            DType dtype = DType.values()[random.nextInt(DType.values().length)];
            Tensor tensor = randomTensor(random, dtype, randomShape(random));
            Tensor base = round % 5 == 4
                    ? randomTensor(random, dtype, tensor.shape()) // unrelated bits: differences of every width
                    : differIn(random, tensor, DIFFERING_FRACTIONS[round % DIFFERING_FRACTIONS.length]);
            ObjectId baseId = TensorHasher.id(base);
            for (Codec c : Codec.values()) {
                ByteBuffer payload = encodeWith(c, tensor, new BaseCandidate(baseId, base, 0));
                assertEquals(tensor, codec.decode(payload, id -> lookup(id, baseId, base)), c + " of " + tensor.describe());
            }
        }
    }

    @Test
    void aSmallChangeOfEveryElementIsStoredAsADifferenceSmallerThanXor() {
        Tensor base = Tensor.randn(1, 100, 100);
        Tensor sibling1 = base.plus(Tensor.randn(2, 100, 100).times(0.01));
        Tensor sibling2 = base.plus(Tensor.randn(3, 100, 100).times(0.01));
        BaseCandidate candidate = new BaseCandidate(TensorHasher.id(sibling1), sibling1, 0);
        EncodedTensor e = codec.encode(sibling2, List.of(candidate));
        assertEquals(Codec.DIFF_DELTA, e.codec());
        assertTrue(e.storedSize() < encodeWith(Codec.XOR_DELTA, sibling2, candidate).remaining());
        assertTrue(e.storedSize() < 26_000, "QA workload 3 weight stored in " + e.storedSize() + " bytes");
        assertEquals(sibling2, codec.decode(e.payload(), id -> sibling1));
    }

    @Test
    void aHugeChangeAmongTinyOnesInFloat64IsEscapedNotLost() {
        double[] before = new double[5000];
        double[] after = new double[5000];
        for (int i = 0; i < before.length; i++) {
            before[i] = 2.0 + i * 1e-6;
            after[i] = before[i];
        }
        after[17] = -Double.MAX_VALUE; // same exponent context as its neighbours, whose differences are 0
        Tensor base = Tensor.of(before);
        Tensor changed = Tensor.of(after);
        BaseCandidate candidate = new BaseCandidate(TensorHasher.id(base), base, 0);
        ByteBuffer payload = encodeWith(Codec.DIFF_DELTA, changed, candidate);
        assertEquals(changed, codec.decode(payload, id -> base));
        EncodedTensor chosen = codec.encode(changed, List.of(candidate));
        assertTrue(chosen.codec().isDelta(), "a one-element change is stored as a delta, got " + chosen.codec());
        assertTrue(chosen.storedSize() < 1000, chosen.storedSize() + " bytes");
    }

    @Test
    void theSampleEstimatePicksWhatEncodingInFullWouldPick() {
        Tensor base = Tensor.randn(4, 300, 300);
        Tensor nearCopy = base.plus(Tensor.randn(5, 300, 300).times(0.001));
        Tensor unrelated = Tensor.randn(6, 300, 300);
        Tensor zeros = Tensor.zeros(DType.FLOAT32, 300, 300);
        BaseCandidate candidate = new BaseCandidate(TensorHasher.id(base), base, 0);
        for (Tensor t : List.of(nearCopy, unrelated, zeros)) {
            EncodedTensor chosen = codec.encode(t, List.of(candidate));
            for (Codec c : List.of(Codec.SHUFFLE_ZSTD, Codec.XOR_DELTA, Codec.DIFF_DELTA)) {
                int size = encodeWith(c, t, candidate).remaining();
                assertTrue(chosen.storedSize() <= size * 1.02,
                        chosen.codec() + " (" + chosen.storedSize() + " B) chosen over " + c + " (" + size + " B)");
            }
        }
    }

    private static ByteBuffer encodeWith(Codec c, Tensor tensor, BaseCandidate base) {
        byte[] bits = tensor.toBytes();
        CRC32C crc = new CRC32C();
        crc.update(bits);
        return Encoding.of(c, bits, tensor.dtype(), tensor.shape(), (int) crc.getValue(), base.tensor().toBytes(), base,
                CodecSettings.DEFAULT.zstdLevel()).write();
    }

    @Test
    void nanPayloadsNegativeZeroAndInfinitiesSurviveDeltas() {
        int[] bits = {0x7fc00001, 0xffc12345, 0x7f800001, 0x80000000, 0x7f800000, 0xff800000, 0x00000001, 0x7fffffff};
        ByteBuffer b = ByteBuffer.allocate(bits.length * 4 * 64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 64 * bits.length; i++) {
            b.putInt(bits[i % bits.length]);
        }
        Tensor tensor = Tensor.wrap(DType.FLOAT32, new long[] {64, bits.length}, b.flip());
        Tensor base = Tensor.zeros(DType.FLOAT32, 64, bits.length);
        ObjectId baseId = TensorHasher.id(base);
        EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
        assertEquals(tensor, codec.decode(e.payload(), id -> base));
    }

    @Test
    void largeTensorsRoundTripThroughParallelSegments() {
        Tensor base = Tensor.randn(1, 1000, 1000);
        Random random = new Random(2);
        Tensor changed = differIn(random, base, 0.001);
        ObjectId baseId = TensorHasher.id(base);
        EncodedTensor whole = codec.encode(base);
        assertEquals(Codec.SHUFFLE_ZSTD, whole.codec());
        assertTrue(whole.storedSize() < base.byteSize() * 0.9, "shuffled N(0,1) float32 shrinks: " + whole.storedSize());
        assertEquals(base, codec.decode(whole.payload(), id -> fail("no base needed")));

        EncodedTensor delta = codec.encode(changed, List.of(new BaseCandidate(baseId, base, 3)));
        assertTrue(delta.codec().isDelta());
        assertEquals(4, delta.depth());
        assertTrue(delta.storedSize() < base.byteSize() / 20, "0.1 % changed is a small delta: " + delta.storedSize());
        assertEquals(changed, codec.decode(delta.payload(), id -> base));

        Tensor sibling = base.plus(Tensor.randn(3, 1000, 1000).times(0.01));
        Tensor wide = Tensor.randn(4, 600, 600).to(DType.FLOAT64);
        Tensor wideSibling = wide.plus(Tensor.randn(5, 600, 600).to(DType.FLOAT64).times(0.01));
        for (Tensor[] pair : new Tensor[][] {{sibling, base}, {wideSibling, wide}}) {
            BaseCandidate candidate = new BaseCandidate(TensorHasher.id(pair[1]), pair[1], 0);
            for (Codec c : List.of(Codec.XOR_DELTA, Codec.DIFF_DELTA)) {
                ByteBuffer payload = encodeWith(c, pair[0], candidate);
                assertEquals(pair[0], codec.decode(payload, id -> pair[1]), c + " of " + pair[0].describe() + " in stripes");
            }
        }

        byte[] noise = new byte[3_000_001];
        random.nextBytes(noise);
        Tensor incompressible = Tensor.copyOf(DType.UINT8, new long[] {noise.length}, noise);
        EncodedTensor raw = codec.encode(incompressible);
        assertEquals(Codec.RAW, raw.codec());
        assertEquals(incompressible, codec.decode(raw.payload(), id -> fail("no base needed")));
    }

    @Test
    void aTinyTensorSimilarToAnotherComesBackAsItself() {
        Tensor tensor = Tensor.of(new float[] {1f, 2f, 3f, 4f});
        Tensor similar = Tensor.of(new float[] {1.001f, 2f, 3f, 4.002f});
        ObjectId similarId = TensorHasher.id(similar);
        EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(similarId, similar, 0)));
        Tensor back = codec.decode(e.payload(), id -> similar);
        assertEquals(tensor, back);
        assertNotEquals(similar, back);
    }

    @Test
    void chainDepthLimitIsNeverExceeded() {
        TensorCodec limited = new TensorCodec(new CodecSettings(1, 2));
        Tensor base = Tensor.randn(1, 100, 100);
        Tensor next = differIn(new Random(1), base, 0.001);
        ObjectId baseId = TensorHasher.id(base);
        EncodedTensor atLimit = limited.encode(next, List.of(new BaseCandidate(baseId, base, 1)));
        assertTrue(atLimit.codec().isDelta());
        assertEquals(2, atLimit.depth());
        EncodedTensor pastLimit = limited.encode(next, List.of(new BaseCandidate(baseId, base, 2)));
        assertEquals(Codec.SHUFFLE_ZSTD, pastLimit.codec());
        assertEquals(0, pastLimit.depth());
        assertNull(pastLimit.baseId());
        EncodedTensor noDeltas = new TensorCodec(new CodecSettings(1, 0)).encode(next, List.of(new BaseCandidate(baseId, base, 0)));
        assertTrue(!noDeltas.codec().isDelta());
    }

    @Test
    void candidatesOfAnotherDtypeOrShapeAreIgnored() {
        Tensor tensor = Tensor.randn(1, 50, 40);
        Tensor reshaped = tensor.reshape(40, 50);
        Tensor other = Tensor.zeros(DType.INT32, 50, 40);
        EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(TensorHasher.id(reshaped), reshaped, 0),
                new BaseCandidate(TensorHasher.id(other), other, 0)));
        assertTrue(!e.codec().isDelta());
        assertEquals(tensor, codec.decode(e.payload(), id -> fail("no base needed")));
    }

    @Test
    void theSmallestOfSeveralCandidatesWins() {
        Random random = new Random(9);
        Tensor tensor = Tensor.randn(4, 64, 64);
        Tensor far = differIn(random, tensor, 0.5);
        Tensor near = differIn(random, tensor, 0.001);
        ObjectId nearId = TensorHasher.id(near);
        EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(TensorHasher.id(far), far, 0),
                new BaseCandidate(nearId, near, 0)));
        assertEquals(nearId, e.baseId());
    }

    @Test
    void decodeIntoADirectBufferWritesTheExactBytes() {
        Tensor tensor = Tensor.randn(8, 300, 7);
        EncodedTensor e = codec.encode(tensor);
        ByteBuffer target = ByteBuffer.allocateDirect((int) tensor.byteSize() + 5).position(5);
        PayloadHeader header = codec.decodeInto(e.payload(), id -> fail("no base needed"), target);
        assertEquals(tensor.byteSize() + 5, target.position());
        assertEquals(tensor, Tensor.wrap(header.dtype(), header.shape(), target.flip().position(5)));
    }

    @Test
    void corruptPayloadsAreReportedNeverMisread() {
        Tensor base = Tensor.randn(1, 30, 20);
        Tensor tensor = differIn(new Random(5), base, 0.01);
        ObjectId baseId = TensorHasher.id(base);
        BaseCandidate candidate = new BaseCandidate(baseId, base, 0);
        Random random = new Random(11);
        for (Codec c : Codec.values()) {
            ByteBuffer payload = encodeWith(c, tensor, candidate);
            assertEquals(c, TensorCodec.readHeader(payload).codec());
            byte[] good = new byte[payload.remaining()];
            payload.duplicate().get(good);
            for (int length = 0; length < good.length; length++) {
                assertCorrupt(ByteBuffer.wrap(good, 0, length).slice(), baseId, base, c + " truncated to " + length);
            }
            for (int at = 0; at < good.length; at++) {
                byte[] bad = good.clone();
                bad[at] ^= (byte) (1 + random.nextInt(255));
                assertCorrupt(ByteBuffer.wrap(bad), baseId, base, c + " with byte " + at + " changed");
            }
            byte[] longer = Arrays.copyOf(good, good.length + 1);
            assertCorrupt(ByteBuffer.wrap(longer), baseId, base, c + " with a trailing byte");
            if (c.isDelta()) {
                Tensor wrongBase = Tensor.randn(2, 30, 20);
                CorruptObjectException e = assertThrows(CorruptObjectException.class,
                        () -> codec.decode(payload, id -> wrongBase));
                assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            }
        }
    }

    private void assertCorrupt(ByteBuffer payload, ObjectId baseId, Tensor base, String what) {
        try {
            codec.decode(payload, id -> lookup(id, baseId, base));
            fail(what + " decoded without an error");
        } catch (CorruptObjectException expected) {
            assertTrue(expected.getMessage().startsWith("stored") || expected.getMessage().startsWith("delta"),
                    what + ": " + expected.getMessage());
        } catch (RuntimeException other) {
            fail(what + " failed with " + other, other);
        }
    }

    @Test
    void manyThreadsEncodeAndDecodeAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                int seed = task;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    Tensor base = Tensor.randn(seed, seed % 2 == 0 ? 400 : 60, 400);
                    Tensor tensor = differIn(random, base, 0.01);
                    ObjectId baseId = TensorHasher.id(base);
                    EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
                    assertEquals(tensor, codec.decode(e.payload(), id -> base));
                    return null;
                }));
            }
            for (Future<?> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tensor lookup(ObjectId id, ObjectId baseId, Tensor base) {
        if (!id.equals(baseId)) {
            throw new NotFoundException("no base " + id.shortHex());
        }
        return base;
    }

    static long[] randomShape(Random random) {
        int rank = random.nextInt(4);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(rank == 1 ? 3000 : 60);
        }
        return shape;
    }

    /** Random bit patterns; for floats about half are values near N(0,1), the rest arbitrary bits (NaN payloads included). */
    static Tensor randomTensor(Random random, DType dtype, long[] shape) {
        Tensor zeros = Tensor.zeros(dtype, shape);
        byte[] bytes = new byte[(int) zeros.byteSize()];
        if (random.nextBoolean() && dtype == DType.FLOAT32) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                b.putFloat((float) random.nextGaussian());
            }
        } else {
            random.nextBytes(bytes);
        }
        return Tensor.copyOf(dtype, shape, bytes);
    }

    /** A copy of {@code tensor} where {@code fraction} of the elements have some of their low bits changed. */
    static Tensor differIn(Random random, Tensor tensor, double fraction) {
        byte[] bytes = tensor.toBytes();
        int size = tensor.dtype().itemSize();
        long n = tensor.numel();
        for (int i = 0; i < n; i++) {
            if (fraction >= 1 || random.nextDouble() < fraction) {
                bytes[i * size] ^= (byte) (1 + random.nextInt(255));
                if (size > 2) {
                    bytes[i * size + 1] ^= (byte) random.nextInt(256);
                }
            }
        }
        return Tensor.copyOf(tensor.dtype(), tensor.shape(), bytes);
    }
}
