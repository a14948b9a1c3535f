package dev.coral.core.repo;

import dev.coral.core.result.FsckResult;
import dev.coral.core.result.TensorStorage;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tensor committed comes back bit-exactly, whatever codec the repository picked: random dtypes and
 * shapes, NaN payloads, -0.0, infinities and subnormals, and versions differing from their base in 0 %,
 * 0.1 %, 50 % and 100 % of the elements, committed under the same name (parent-tree base) and under a new
 * name (similarity-index base), read back in a new session.
 */
class StoredBitsPropertyTest {
    private static final double[] CHANGED_FRACTIONS = {0, 0.001, 0.5, 1};

    @TempDir
    Path dir;

    /** A tensor as committed: where, under which name. */
    private record Committed(String commit, String name, Tensor tensor) {
    }

    @Test
    void everyCommittedVersionDecodesBitExactly() {
        Random random = new Random(20261127);
        List<Committed> committed = new ArrayList<>();
        Set<DType> seen = EnumSet.noneOf(DType.class);
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            for (int round = 0; round < 24; round++) {
                DType dtype = DType.values()[round % DType.values().length];
                seen.add(dtype);
                Tensor base = randomTensor(random, dtype, randomShape(random));
                String name = "t" + round;
                String commit = repo.commit(Map.of(name, base), "base " + round).commit().id().hex();
                committed.add(new Committed(commit, name, base));
                for (double fraction : CHANGED_FRACTIONS) {
                    Tensor version = changed(random, base, fraction);
                    Tensor sibling = changed(random, version, 0.001);
                    String copy = name + ".copy" + fraction;
                    commit = repo.commit(Map.of(name, version, copy, sibling), "version " + fraction).commit().id().hex();
                    committed.add(new Committed(commit, name, version));
                    committed.add(new Committed(commit, copy, sibling));
                }
            }
            assertEquals(EnumSet.allOf(DType.class), seen);
            assertTrue(repo.stats().deltaObjects() > 0, "some versions are stored as deltas");
        }
        try (Repository fresh = Repository.open(dir)) {
            for (Committed c : committed) {
                assertEquals(c.tensor(), fresh.read(c.commit(), c.name()), c.name() + " in " + c.commit());
            }
            FsckResult fsck = fresh.fsck();
            assertTrue(fsck.problems().isEmpty(), fsck.problems().toString());
        }
    }

    @Test
    void aSixteenByteTensorSimilarToAnotherComesBackAsItself() {
        Tensor a = Tensor.of(new float[] {1f, 2f, 3f, 4f});
        Tensor b = Tensor.of(new float[] {1f, 2f, 3f, 4.01f});
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("a", a), "a");
            repo.commit(Map.of("b", b), "b, cosine 0.99999 with a");
            assertNotEquals(a, b);
            assertEquals(b, repo.read("HEAD", "b"));
            assertEquals(a, repo.read("HEAD", "a"));
            TensorStorage s = repo.storageOf(repo.show("HEAD").tree().stream()
                    .filter(e -> e.name().equals("b")).findFirst().orElseThrow().id());
            assertEquals(b.byteSize(), s.rawBytes());
        }
    }

    private static long[] randomShape(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new long[] {};
            case 1 -> new long[] {1 + random.nextInt(7)};
            case 2 -> new long[] {1 + random.nextInt(300), 1 + random.nextInt(300)};
            case 3 -> new long[] {2, 1 + random.nextInt(40), 1 + random.nextInt(40)};
            default -> new long[] {1 + random.nextInt(5000)};
        };
    }

    /** Values near N(0,1) mixed with arbitrary bit patterns: NaN payloads, -0.0, infinities, subnormals. */
    static Tensor randomTensor(Random random, DType dtype, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate((int) (n * dtype.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) {
            putElement(b, dtype, random);
        }
        return Tensor.wrap(dtype, shape, b.flip());
    }

    private static void putElement(ByteBuffer b, DType dtype, Random random) {
        boolean special = random.nextInt(8) == 0;
        double value = random.nextGaussian();
        switch (dtype) {
            case FLOAT64 -> b.putLong(special ? specialDouble(random) : Double.doubleToRawLongBits(value));
            case FLOAT32 -> b.putInt(special ? specialFloat(random) : Float.floatToRawIntBits((float) value));
            case FLOAT16, BFLOAT16 -> b.putShort((short) (special ? 0x7c01 + random.nextInt(0x3ff)
                    : (Float.floatToRawIntBits((float) value) >>> 16)));
            case INT64 -> b.putLong(special ? random.nextLong() : (long) (value * 1000));
            case INT32 -> b.putInt(special ? random.nextInt() : (int) (value * 1000));
            case INT16 -> b.putShort((short) (value * 1000));
            case INT8, UINT8 -> b.put((byte) (value * 40));
            case BOOL -> b.put((byte) (random.nextBoolean() ? 1 : 0));
        }
    }

    private static long specialDouble(Random random) {
        long[] patterns = {0x7ff8000000000001L, 0xfff0000000000000L, 0x8000000000000000L, 0x0000000000000001L,
            0x7ff0000000000000L, 0x7ff4000000000abcL};
        return patterns[random.nextInt(patterns.length)];
    }

    private static int specialFloat(Random random) {
        int[] patterns = {0x7fc00001, 0xff800000, 0x80000000, 0x00000001, 0x7f800000, 0x7fa0beef, 0xffc12345};
        return patterns[random.nextInt(patterns.length)];
    }

    /** {@code base} with about {@code fraction} of its elements replaced by fresh random elements. */
    static Tensor changed(Random random, Tensor base, double fraction) {
        int size = base.dtype().itemSize();
        byte[] bytes = base.toBytes();
        Tensor fresh = randomTensor(random, base.dtype(), new long[] {bytes.length / size});
        byte[] replacement = fresh.toBytes();
        for (int i = 0; i < bytes.length / size; i++) {
            if (random.nextDouble() < fraction) {
                System.arraycopy(replacement, i * size, bytes, i * size, size);
            }
        }
        return Tensor.wrap(base.dtype(), base.shape(), ByteBuffer.wrap(bytes));
    }
}
