package dev.coral.core.dedup;

import dev.coral.core.codec.CodecSettings;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

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
    void unknownIdsAreReported() {
        try (Deduplicator dedup = new Deduplicator()) {
            ObjectId missing = TensorHasher.id(Tensor.scalar(1f));
            NotFoundException e = assertThrows(NotFoundException.class, () -> dedup.get(missing));
            assertTrue(e.getMessage().contains(missing.shortHex()));
        }
    }
}
