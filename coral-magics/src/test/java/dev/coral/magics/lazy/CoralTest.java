package dev.coral.magics.lazy;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.Rendering;
import dev.coral.core.result.CacheStats;
import dev.coral.magics.SampleRepository;
import dev.coral.magics.render.CacheStatsView;
import dev.coral.magics.render.ShowDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralTest {
    @TempDir
    Path dir;

    @Test
    void viewsLoadOnFirstAccessAndShareTensorsByIdAcrossCommits() {
        try (Repository repo = SampleRepository.create(dir);
             Coral coral = Coral.open(repo, TensorCache.builder().executor(Runnable::run).build())) {
            LazyModel v1 = coral.at("v1");
            LazyModel head = coral.at("HEAD");
            assertEquals(repo.resolve("v1"), v1.commit().id());
            assertEquals(repo.show("v1").tree().size(), v1.size());
            assertEquals(0, coral.cacheStats().misses(), "making a view loads no tensor");
            assertFalse(v1.isCached("fc1.weight"));

            Tensor w = v1.tensor("fc1.weight");
            assertEquals(repo.read("v1", "fc1.weight"), w);
            assertTrue(v1.isCached("fc1.weight"));
            // fc1.weight is unchanged from v1 to HEAD: the other view hits the same entry
            assertSame(w, head.tensor("fc1.weight"));
            CacheStats s = coral.cacheStats();
            assertEquals(1, s.misses());
            assertEquals(1, s.hits());
            assertEquals(w.byteSize(), s.cachedBytes());

            // fc1.bias differs between v1 and HEAD: two entries
            assertEquals(repo.read("v1", "fc1.bias"), v1.tensor("fc1.bias"));
            assertEquals(repo.read("HEAD", "fc1.bias"), head.tensor("fc1.bias"));
            assertEquals(w.byteSize() + 2 * v1.entry("fc1.bias").bytes(), coral.cacheStats().cachedBytes());
        }
    }

    @Test
    void aViewKeepsItsCommitWhenTheBranchMoves() {
        try (Repository repo = SampleRepository.create(dir); Coral coral = Coral.open(repo)) {
            LazyModel main = coral.at("main");
            Tensor before = repo.read("main", "fc1.weight");
            repo.commit(Map.of("fc1.weight", Tensor.randn(77, 20, 20)), "overwrite");
            assertEquals(before, main.tensor("fc1.weight"));
            assertEquals(repo.read("main", "fc1.weight"), coral.at("main").tensor("fc1.weight"));
        }
    }

    @Test
    void boundedCacheEvictsAcrossViews() {
        try (Repository repo = SampleRepository.create(dir);
             Coral coral = Coral.open(repo, TensorCache.builder().maximumBytes(2L << 10).executor(Runnable::run).build())) {
            LazyModel head = coral.at("HEAD");
            head.tensor("fc1.weight");                 // 1,600 bytes = 2 KiB of weight
            head.tensor("fc2.weight");                 // 800 bytes = 1 KiB: over the bound
            CacheStats s = coral.cacheStats();
            assertEquals(1, s.evictions());
            assertTrue(s.cachedBytes() <= 2L << 10, s.toString());
            coral.setCacheMaximum(0);
            assertEquals(0, coral.cacheStats().cachedBytes());
        }
    }

    @Test
    void unknownNamesAndTensorSpecsGiveClearErrors() {
        try (Repository repo = SampleRepository.create(dir); Coral coral = Coral.open(repo)) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> coral.at("HEAD").tensor("nope"));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
            assertThrows(NotFoundException.class, () -> coral.at("no-such-branch"));
            InvalidInputException spec = assertThrows(InvalidInputException.class, () -> coral.at("HEAD:fc1.weight"));
            assertTrue(spec.getMessage().contains("show("), spec.getMessage());
        }
    }

    @Test
    void showAddsAHistogramForATensorSpecOnly() {
        try (Repository repo = SampleRepository.create(dir); Coral coral = Coral.open(repo)) {
            ShowDetail tensor = coral.show("HEAD:fc1.weight");
            assertNotNull(tensor.histogram());
            assertEquals(400, tensor.histogram().total());
            assertNull(coral.show("HEAD").histogram());
        }
    }

    @Test
    void openByPathOwnsTheRepository() {
        SampleRepository.create(dir).close();
        try (Coral coral = Coral.open(dir.toString())) {
            assertEquals(dir.toAbsolutePath().normalize(), coral.repository().root());
            Rendering r = new LazyModelView().render(coral.at("main"));
            assertTrue(r.data().get(Rendering.HTML).contains("<span class=\"coral-name\">fc2.weight</span>"));
            String cache = new CacheStatsView().render(coral.cacheStats()).data().get(Rendering.HTML);
            assertTrue(cache.contains(">hit rate<"), cache);
        }
    }

    @Test
    void parsesSizesInBinaryUnits() {
        assertEquals(2L << 30, ByteSize.parse("2g"));
        assertEquals(512L << 20, ByteSize.parse("512MiB"));
        assertEquals(1536L << 20, ByteSize.parse("1.5 GB"));
        assertEquals(1234, ByteSize.parse("1234"));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("lots"));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("-1g"));
    }

    @Test
    void closingOneCoralLeavesASharedCacheAndAForeignRepositoryAlone() {
        TensorCache shared = TensorCache.builder().executor(Runnable::run).build();
        try (Repository repo = SampleRepository.create(dir)) {
            Coral first = Coral.open(repo, shared);
            Tensor w = first.at("HEAD").tensor("fc1.weight");
            first.close();
            try (Coral second = Coral.open(repo, shared)) {
                assertSame(w, second.at("HEAD").tensor("fc1.weight"), "still cached, repository still open");
                assertEquals(1, second.cacheStats().hits());
            }
        }
    }
}
