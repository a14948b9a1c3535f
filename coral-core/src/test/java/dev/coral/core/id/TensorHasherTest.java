package dev.coral.core.id;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TensorHasherTest {

    @Test
    void idsMatchTheFramingPublishedBeforeParallelHashing() {
        // Values computed by the sequential hasher on main before chunks were hashed in parallel.
        assertEquals("cacc1d5e2edc2fbe2085bf5a1436921ca15fd41e9d966bde3677fbf4bf555969",
                TensorHasher.id(Tensor.randn(7, 300, 300)).hex());
        assertEquals("0deddd1ec436b4ddb07095d4cbd84c8977ffc61c3ca0d07f9cb42268c19f85ef",
                TensorHasher.id(Tensor.of(new float[] {1, 2, 3})).hex());
        assertEquals("c5ff54ceb160f3add4efb0e56764bab91860afe1b29e7c539834a727619813e7",
                TensorHasher.id(Tensor.zeros(DType.INT8, 0)).hex());
    }

    @Test
    void parallelSequentialAndBatchIdsAgreeWithTheDocumentedFraming() throws Exception {
        Random random = new Random(3);
        List<Tensor> tensors = new ArrayList<>();
        for (int bytes : new int[] {0, 1, 65535, 65536, 65537, 4 * 65536, 4 * 65536 + 3, 1_000_003}) {
            byte[] b = new byte[bytes];
            random.nextBytes(b);
            tensors.add(Tensor.copyOf(DType.UINT8, new long[] {bytes}, b));
        }
        List<ObjectId> batch = TensorHasher.ids(tensors);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            ObjectId expected = framed(t);
            assertEquals(expected, TensorHasher.id(t), "parallel id of " + t);
            assertEquals(expected, TensorHasher.sequentialId(t), "sequential id of " + t);
            assertEquals(expected, batch.get(i), "batch id of " + t);
        }
    }

    @Test
    void manyThreadsHashAtOnceWithoutMixingDigests() throws Exception {
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            tensors.add(Tensor.randn(i, i % 2 == 0 ? 600 : 30, 300));
        }
        List<ObjectId> expected = new ArrayList<>();
        for (Tensor t : tensors) {
            expected.add(framed(t));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ObjectId>> ids = new ArrayList<>();
            for (Tensor t : tensors) {
                ids.add(pool.submit(() -> TensorHasher.id(t)));
            }
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(expected.get(i), ids.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void directBuffersHashLikeHeapBuffers() {
        Tensor heap = Tensor.randn(5, 700, 300);
        ByteBuffer direct = ByteBuffer.allocateDirect((int) heap.byteSize());
        direct.put(heap.data()).flip();
        assertEquals(TensorHasher.id(heap), TensorHasher.id(Tensor.wrap(DType.FLOAT32, new long[] {700, 300}, direct)));
    }

    @Test
    void framingSeparatesDtypeShapeAndBytes() {
        byte[] bytes = new byte[16];
        Set<ObjectId> ids = new HashSet<>();
        ids.add(TensorHasher.id(Tensor.copyOf(DType.FLOAT32, new long[] {4}, bytes)));
        ids.add(TensorHasher.id(Tensor.copyOf(DType.INT32, new long[] {4}, bytes)));
        ids.add(TensorHasher.id(Tensor.copyOf(DType.FLOAT32, new long[] {2, 2}, bytes)));
        ids.add(TensorHasher.id(Tensor.copyOf(DType.FLOAT32, new long[] {4, 1}, bytes)));
        ids.add(TensorHasher.id(Tensor.copyOf(DType.FLOAT16, new long[] {8}, bytes)));
        ids.add(TensorHasher.id(Tensor.copyOf(DType.BFLOAT16, new long[] {8}, bytes)));
        bytes[15] = 1;
        ids.add(TensorHasher.id(Tensor.copyOf(DType.FLOAT32, new long[] {4}, bytes)));
        assertEquals(7, ids.size());
        assertNotEquals(TensorHasher.id(Tensor.zeros(DType.FLOAT32)), TensorHasher.id(Tensor.zeros(DType.FLOAT32, 1)),
                "a scalar and a one-element vector differ");
    }

    @Test
    void chunkRangesHashedOnSeveralThreadsOrFromACopyGiveTheFramedId() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int bytes : new int[] {0, 100, 65536, 65537, 160_000, 1_000_003}) {
                byte[] b = new byte[bytes];
                new Random(bytes).nextBytes(b);
                Tensor t = Tensor.copyOf(DType.UINT8, new long[] {bytes}, b);
                TensorHasher.Chunks chunks = TensorHasher.chunks(t);
                assertEquals((bytes + 65535) / 65536, chunks.count());
                int split = chunks.count() / 2;
                java.util.concurrent.Future<?> rest = pool.submit(() -> chunks.hash(split, chunks.count()));
                chunks.hash(0, split);
                rest.get();
                assertEquals(framed(t), chunks.id(), bytes + " bytes");
                TensorHasher.Chunks fromCopy = TensorHasher.chunks(t);
                java.util.concurrent.Future<?> fromBuffer = pool.submit(() -> fromCopy.hash(split, fromCopy.count()));
                fromCopy.hash(0, split, java.util.Arrays.copyOf(b, bytes + 9));
                fromBuffer.get();
                assertEquals(framed(t), fromCopy.id(), bytes + " bytes, some read from a longer copy");
            }
            TensorHasher.Chunks four = TensorHasher.chunks(Tensor.of(new float[] {1, 2, 3, 4}));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> four.hash(0, 1, new byte[15]));
            assertEquals("a copy of 16 bytes has only 15", e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The framing written out from its documentation, independently of the implementation. */
    private static ObjectId framed(Tensor t) throws Exception {
        MessageDigest outer = MessageDigest.getInstance("SHA-256");
        outer.update("coral-tensor-v1\0".getBytes(StandardCharsets.US_ASCII));
        outer.update(t.dtype().label().getBytes(StandardCharsets.US_ASCII));
        outer.update((byte) 0);
        ByteBuffer dims = ByteBuffer.allocate(4 + 8 * t.rank() + 8).order(ByteOrder.LITTLE_ENDIAN);
        dims.putInt(t.rank());
        for (long d : t.shape()) {
            dims.putLong(d);
        }
        dims.putLong(t.byteSize());
        outer.update(dims.array());
        byte[] all = t.toBytes();
        for (int at = 0; at < all.length; at += 65536) {
            MessageDigest chunk = MessageDigest.getInstance("SHA-256");
            chunk.update(all, at, Math.min(65536, all.length - at));
            outer.update(chunk.digest());
        }
        return ObjectId.fromBytes(outer.digest());
    }
}
