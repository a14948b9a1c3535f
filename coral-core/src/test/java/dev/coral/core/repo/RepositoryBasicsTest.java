package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepositoryBasicsTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesCoralDirAndOpenWalksUp() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            assertTrue(Files.isDirectory(dir.resolve(".coral")));
            assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        }
        Path nested = Files.createDirectories(dir.resolve("a/b/c"));
        try (Repository repo = Repository.open(nested)) {
            assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        }
        assertThrows(InvalidInputException.class, () -> Repository.init(dir));
    }

    @Test
    void openOutsideARepositoryNamesTheDirectory(@TempDir Path elsewhere) {
        NotFoundException e = assertThrows(NotFoundException.class, () -> Repository.open(elsewhere));
        assertTrue(e.getMessage().contains("coral init"), e.getMessage());
    }

    @Test
    void commitInheritsParentTreeAndAppliesChanges() {
        try (Repository repo = Repository.init(dir)) {
            Tensor w1 = Tensor.randn(1, 20, 20);
            Tensor b1 = Tensor.zeros(DType.FLOAT32, 20);
            CommitResult first = repo.commit(Map.of("fc.weight", w1, "fc.bias", b1), "first");
            assertEquals(List.of("fc.bias", "fc.weight"), first.added());
            assertEquals("main", first.branch());
            assertTrue(first.commit().parents().isEmpty());

            Session s = repo.session();
            Tensor w2 = Tensor.randn(2, 20, 20);
            s.stage("fc.weight", w2).stage("fc2.weight", Tensor.randn(3, 4, 4)).remove("fc.bias");
            CommitResult second = s.commit(CommitRequest.of("second").withMetric("acc", 0.5).withAuthor("ada"));
            assertEquals(List.of("fc2.weight"), second.added());
            assertEquals(List.of("fc.weight"), second.modified());
            assertEquals(List.of("fc.bias"), second.removed());
            assertEquals(List.of(first.commit().id()), second.commit().parents());
            assertEquals("ada", second.commit().author());
            assertEquals(0.5, second.commit().metrics().get("acc"));

            assertEquals(w2, repo.read("HEAD", "fc.weight"));
            assertEquals(w1, repo.read("HEAD~1", "fc.weight"));
            assertEquals(b1, repo.read("HEAD^", "fc.bias"));
            assertThrows(NotFoundException.class, () -> repo.read("HEAD", "fc.bias"));
            assertEquals(List.of("fc.weight", "fc2.weight"), List.copyOf(repo.at("HEAD").names()));

            LogResult log = repo.log("HEAD", 0, true);
            assertEquals(2, log.entries().size());
            assertEquals(second.commit(), log.entries().get(0).commit());
            assertEquals(List.of("main"), log.entries().get(0).branches());
            assertTrue(log.entries().get(0).head());

            DiffResult diff = repo.diff("HEAD~1", "HEAD");
            assertEquals(1, diff.added().size());
            assertEquals(1, diff.removed().size());
            assertEquals(1, diff.modified().size());
            assertTrue(diff.modified().get(0).comparison().l2() > 0);

            ShowResult show = repo.show("HEAD:fc.weight");
            assertEquals(400, show.tensor().stats().count());
            assertEquals(1600, show.tensor().entry().bytes());
            assertEquals(2, repo.show("HEAD").tree().size());
        }
    }

    @Test
    void modelViewsShareOneCacheOfDecodedTensors() {
        try (Repository repo = Repository.init(dir)) {
            Tensor w = Tensor.randn(4, 64, 64);
            repo.commit(Map.of("w", w), "one");
            repo.commit(Map.of("w", w.plus(Tensor.randn(5, 64, 64).times(0.001))), "a small change, stored as a delta");
            assertEquals(w, repo.at("HEAD~1").tensor("w"));
            assertEquals(w, repo.at("HEAD~1").tensor("w"));
            repo.at("HEAD").tensor("w");
            var stats = repo.cacheStats();
            assertTrue(stats.hits() >= 2, stats.toString());
            assertTrue(stats.cachedBytes() >= 2 * w.byteSize(), stats.toString());
            assertEquals(w, repo.read("HEAD~1", "w"));
        }
    }

    @Test
    void sessionStatusAndShowDescribeWhatIsStagedAndStored() {
        try (Repository repo = Repository.init(dir)) {
            Tensor w = Tensor.of(new float[] {1, -2, 3, Float.NaN});
            repo.commit(Map.of("w", w, "b", Tensor.of(new float[] {0})), CommitRequest.of("v1").withMetric("loss", 0.25));
            Session s = repo.session().stage("w", Tensor.of(new float[] {1, 2, 3, 4})).stage("new", Tensor.scalar(1)).remove("b");
            StatusResult status = s.status();
            assertEquals(List.of("b", "new", "w"), status.staged().stream().map(e -> e.name()).toList());
            assertEquals(List.of(DiffStatus.REMOVED, DiffStatus.ADDED, DiffStatus.MODIFIED),
                    status.staged().stream().map(e -> e.status()).toList());
            assertEquals(repo.resolve("HEAD"), status.head());

            ShowResult commit = repo.show("HEAD");
            assertFalse(commit.isTensor());
            assertEquals(List.of("b", "w"), commit.tree().stream().map(e -> e.name()).toList());
            assertEquals(0.25, commit.commit().metrics().get("loss"));
            ShowResult tensor = repo.show("HEAD:w");
            assertTrue(tensor.isTensor());
            assertEquals(List.of(4L), tensor.tensor().entry().shape());
            assertEquals(-2.0, tensor.tensor().stats().min());
            assertEquals(3.0, tensor.tensor().stats().max());
            assertEquals(1, tensor.tensor().stats().nanCount());
            assertEquals(repo.at("HEAD").entry("w").id(), tensor.tensor().entry().id());
            assertTrue(tensor.tensor().storedBytes() > 0);
        }
    }

    @Test
    void emptyRepositoryHasEmptyLogAndCleanStatus() {
        try (Repository repo = Repository.init(dir)) {
            assertTrue(repo.log("HEAD", 10, false).entries().isEmpty());
            StatusResult status = repo.status();
            assertEquals("main", status.branch());
            assertNull(status.head());
            assertTrue(status.isClean());
            assertThrows(NotFoundException.class, () -> repo.resolve("HEAD"));
        }
    }

    @Test
    void indexStagesAcrossRepositoryObjectsAndCommits() {
        try (Repository repo = Repository.init(dir)) {
            repo.index().add("a", Tensor.of(new float[] {1, 2}));
            repo.index().add("b", Tensor.of(new float[] {3}));
        }
        try (Repository repo = Repository.open(dir)) {
            StatusResult status = repo.status();
            assertEquals(2, status.staged().size());
            assertEquals(DiffStatus.ADDED, status.staged().get(0).status());
            CommitResult r = repo.index().commit(CommitRequest.of("from index"));
            assertEquals(List.of("a", "b"), r.added());
            assertTrue(repo.status().isClean());
            repo.index().remove("a");
            assertEquals(DiffStatus.REMOVED, repo.index().list().get(0).status());
            repo.index().commit(CommitRequest.of("drop a"));
            assertFalse(repo.at("HEAD").contains("a"));
            assertThrows(InvalidInputException.class, () -> repo.index().commit(CommitRequest.of("nothing")));
        }
    }

    @Test
    void resolvesAbbreviatedIdsAndTags() {
        try (Repository repo = Repository.init(dir)) {
            ObjectId first = repo.commit(Map.of("x", Tensor.of(new float[] {1})), "one").commit().id();
            repo.commit(Map.of("x", Tensor.of(new float[] {2})), "two");
            repo.createTag("v1", first.hex().substring(0, 8), "release", Map.of("acc", 0.9));
            assertEquals(first, repo.resolve("v1"));
            assertEquals(first, repo.resolve(first.hex().substring(0, 4)));
            assertEquals(first, repo.resolve(first.hex()));
            assertEquals(first, repo.resolve("HEAD~1"));
            assertEquals(first, repo.resolve("main^"));
            assertThrows(NotFoundException.class, () -> repo.resolve("HEAD~2"));
            assertThrows(NotFoundException.class, () -> repo.resolve("nope"));
            assertEquals(0.9, repo.tags().get(0).metrics().get("acc"));
        }
    }
}
