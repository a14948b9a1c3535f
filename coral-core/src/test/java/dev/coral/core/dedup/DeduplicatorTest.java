package dev.coral.core.dedup;

import dev.coral.core.codec.CodecSettings;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeduplicatorTest {

    @Test
    void qaWorkloadTwoFindsOneGroupAndKeepsEveryTensorBitExact() {
        Tensor base = Tensor.randn(0, 200, 200);
        List<Tensor> tensors = new ArrayList<>(List.of(base));
        for (int i = 1; i < 10; i++) {
            tensors.add(base.plus(Tensor.randn(i, 200, 200).times(0.001)));
        }
        try (Deduplicator dedup = new Deduplicator()) {
            List<ObjectId> ids = tensors.stream().map(dedup::add).toList();
            DedupStats stats = dedup.stats();
            assertEquals(10, stats.tensors());
            assertEquals(10, stats.uniqueTensors());
            assertEquals(1, stats.groups());
            assertEquals(9, stats.deltas());
            assertEquals(10.0, stats.groupRatio());
            assertEquals(10 * 160_000L, stats.logicalBytes());
            assertTrue(stats.compressionRatio() > 1.5, "stored " + stats.storedBytes());
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(TensorHasher.id(tensors.get(i)), ids.get(i));
                assertEquals(tensors.get(i), dedup.get(ids.get(i)), "tensor " + i);
            }
        }
    }

    @Test
    void duplicatesAreStoredOnceAndUnrelatedTensorsStartGroups() {
        try (Deduplicator dedup = new Deduplicator(0.95, CodecSettings.DEFAULT)) {
            Tensor a = Tensor.randn(1, 50, 50);
            Tensor b = Tensor.randn(2, 50, 50);
            dedup.add(a);
            dedup.add(Tensor.copyOf(a.dtype(), a.shape(), a.toBytes()));
            dedup.add(b);
            dedup.add(a.reshape(2500));
            DedupStats stats = dedup.stats();
            assertEquals(4, stats.tensors());
            assertEquals(3, stats.uniqueTensors());
            assertEquals(3, stats.groups());
            assertEquals(0, stats.deltas());
        }
    }

    @Test
    void aTinySimilarTensorComesBackAsItself() {
        try (Deduplicator dedup = new Deduplicator()) {
            Tensor first = Tensor.of(new float[] {1f, 2f, 3f, 4f});
            Tensor similar = Tensor.of(new float[] {1f, 2f, 3f, 4.001f});
            dedup.add(first);
            ObjectId id = dedup.add(similar);
            assertEquals(1, dedup.stats().groups());
            assertEquals(similar, dedup.get(id));
            assertEquals(first, dedup.get(TensorHasher.id(first)));
        }
    }

    @Test
    void threadsAddingAtOnceLoseNothing() throws Exception {
        Tensor base = Tensor.randn(0, 60, 60);
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tensors.add(i % 4 == 0 ? Tensor.randn(100 + i, 60, 60) : base.plus(Tensor.randn(i, 60, 60).times(0.01)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try (Deduplicator dedup = new Deduplicator()) {
            List<java.util.concurrent.Future<ObjectId>> ids = new ArrayList<>();
            for (Tensor t : tensors) {
                ids.add(pool.submit(() -> dedup.add(t)));
            }
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(tensors.get(i), dedup.get(ids.get(i).get()));
            }
            DedupStats stats = dedup.stats();
            assertEquals(40, stats.tensors());
            assertEquals(40, stats.uniqueTensors());
            assertTrue(stats.groups() >= 11 && stats.groups() < 40, "groups " + stats.groups());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void similarTensorsAreHeldAsExactDeltasAndComeBackBitExactlyBeforeAndAfterCompression() {
        List<Tensor> tensors = new ArrayList<>();
        Tensor floats = withSpecialValues(Tensor.randn(3, 200, 200));
        tensors.add(floats);
        for (int i = 1; i < 6; i++) {
            tensors.add(withSpecialValues(floats.plus(Tensor.randn(i, 200, 200).times(0.001))));
        }
        Tensor doubles = Tensor.randn(4, 30, 40).to(DType.FLOAT64);
        tensors.add(doubles);
        tensors.add(doubles.plus(Tensor.randn(5, 30, 40).to(DType.FLOAT64).times(0.01)));
        tensors.add(Tensor.of(java.util.stream.IntStream.range(0, 5000).map(i -> i * 7919 % 10007).toArray()));
        tensors.add(Tensor.of(java.util.stream.IntStream.range(0, 5000).map(i -> i * 7919 % 10007 + i % 3).toArray()));
        try (Deduplicator dedup = new Deduplicator()) {
            List<ObjectId> ids = tensors.stream().map(dedup::add).toList();
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(TensorHasher.sequentialId(tensors.get(i)), ids.get(i), "id of tensor " + i);
                assertEquals(tensors.get(i), dedup.get(ids.get(i)), "tensor " + i + " from its exact delta");
            }
            dedup.compress();
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(tensors.get(i), dedup.get(ids.get(i)), "tensor " + i + " from its compressed payload");
            }
            DedupStats stats = dedup.stats();
            assertEquals(3, stats.groups());
            assertEquals(7, stats.deltas());
            assertTrue(stats.storedBytes() < stats.logicalBytes(), "stored " + stats.storedBytes());
        }
    }

    @Test
    void statsCompressOnlyWhatIsNotCompressedYet() {
        Tensor base = Tensor.randn(0, 100, 100);
        try (Deduplicator dedup = new Deduplicator()) {
            dedup.add(base);
            dedup.add(base.plus(Tensor.randn(1, 100, 100).times(0.001)));
            dedup.compress();
            DedupStats first = dedup.stats();
            ObjectId later = dedup.add(base.plus(Tensor.randn(2, 100, 100).times(0.001)));
            DedupStats second = dedup.stats();
            assertEquals(2, first.uniqueTensors());
            assertEquals(3, second.uniqueTensors());
            assertEquals(2, second.deltas());
            assertTrue(second.storedBytes() > first.storedBytes());
            assertEquals(second, dedup.stats(), "compressing again changes nothing");
            assertEquals(base.plus(Tensor.randn(2, 100, 100).times(0.001)), dedup.get(later));
        }
    }

    @Test
    void exactDuplicatesOfReferencesAndOfDeltasAreHeldOnce() {
        Tensor base = Tensor.randn(8, 200, 200);
        Tensor similar = base.plus(Tensor.randn(9, 200, 200).times(0.001));
        try (Deduplicator dedup = new Deduplicator()) {
            ObjectId a = dedup.add(base);
            ObjectId b = dedup.add(similar);
            assertEquals(a, dedup.add(Tensor.copyOf(DType.FLOAT32, base.shape(), base.toBytes())));
            assertEquals(b, dedup.add(Tensor.copyOf(DType.FLOAT32, similar.shape(), similar.toBytes())));
            DedupStats stats = dedup.stats();
            assertEquals(4, stats.tensors());
            assertEquals(2, stats.uniqueTensors());
            assertEquals(1, stats.groups());
            assertEquals(1, stats.deltas());
            assertEquals(4 * 160_000L, stats.logicalBytes());
            assertEquals(similar, dedup.get(b));
        }
    }

    @Test
    void eachTensorJoinsTheGroupOfItsOwnReference() {
        Tensor first = Tensor.randn(20, 300, 300);
        Tensor second = Tensor.randn(21, 300, 300);
        List<Tensor> tensors = new ArrayList<>(List.of(first, second));
        for (int i = 0; i < 6; i++) {
            tensors.add((i % 2 == 0 ? first : second).plus(Tensor.randn(30 + i, 300, 300).times(0.01)));
        }
        try (Deduplicator dedup = new Deduplicator()) {
            List<ObjectId> ids = tensors.stream().map(dedup::add).toList();
            DedupStats stats = dedup.stats();
            assertEquals(2, stats.groups());
            assertEquals(6, stats.deltas());
            assertTrue(stats.compressionRatio() > 1.3, "ratio " + stats.compressionRatio());
            for (int i = 0; i < tensors.size(); i++) {
                assertEquals(TensorHasher.sequentialId(tensors.get(i)), ids.get(i));
                assertEquals(tensors.get(i), dedup.get(ids.get(i)), "tensor " + i);
            }
        }
    }

    /** {@code t} with -0.0, a subnormal and the largest float written over three of its elements. */
    private static Tensor withSpecialValues(Tensor t) {
        ByteBuffer b = ByteBuffer.allocate((int) t.byteSize()).order(ByteOrder.LITTLE_ENDIAN).put(t.data());
        b.putFloat(0, -0.0f).putFloat(4, Float.MIN_VALUE).putFloat(8, Float.MAX_VALUE / 1e6f).flip();
        return Tensor.wrap(DType.FLOAT32, t.shape(), b);
    }

    @Test
    void unknownIdsAreReported() {
        try (Deduplicator dedup = new Deduplicator()) {
            ObjectId missing = TensorHasher.id(Tensor.scalar(1f));
            NotFoundException e = assertThrows(NotFoundException.class, () -> dedup.get(missing));
            assertTrue(e.getMessage().contains(missing.shortHex()));
        }
    }
}
