package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.ReflogEntry;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refs, log, diff, branches, tags, detached HEAD and the reflog. */
class HistoryTest {
    @TempDir
    Path dir;

    private static Tensor t(long seed) {
        return Tensor.randn(seed, 8, 8);
    }

    private static List<ObjectId> ids(List<LogEntry> entries) {
        return entries.stream().map(e -> e.commit().id()).toList();
    }

    @Test
    void logFollowsFirstParentsOrTheWholeGraphOfAMerge() {
        try (Repository repo = Repository.init(dir)) {
            ObjectId c1 = repo.commit(Map.of("a", t(1)), "c1").commit().id();
            repo.createBranch("feature", "HEAD");
            ObjectId c2 = repo.commit(Map.of("a", t(2)), "c2 on main").commit().id();
            ObjectId c3 = repo.commit(Map.of("b", t(3)), CommitRequest.of("c3 on feature").onBranch("feature")).commit().id();
            CommitResult merge = repo.session().stage("b", t(3))
                    .commit(CommitRequest.of("merge feature").withExtraParents(List.of("feature")));
            ObjectId c4 = merge.commit().id();
            assertEquals(List.of(c2, c3), merge.commit().parents());
            assertTrue(merge.commit().isMerge());

            assertEquals(List.of(c4, c2, c1), ids(repo.log("main", 0, true).entries()));
            List<ObjectId> full = ids(repo.log("main", 0, false).entries());
            assertEquals(4, full.size());
            assertEquals(c4, full.get(0));
            assertEquals(Set.of(c2, c3), Set.copyOf(full.subList(1, 3)));
            assertEquals(c1, full.get(3));
            assertEquals(full.subList(0, 2), ids(repo.log("main", 2, false).entries()));
            assertEquals(c3, repo.resolve("main^2"));
            assertEquals(c2, repo.resolve("main^1"));
            assertEquals(c1, repo.resolve("main^2~1"));
            assertEquals(c4, repo.resolve("main^0"));

            LogEntry c3Entry = repo.log("main", 0, false).entries().stream()
                    .filter(e -> e.commit().id().equals(c3)).findFirst().orElseThrow();
            assertEquals(List.of("feature"), c3Entry.branches());
            assertFalse(c3Entry.head());
            try (Repository reopened = Repository.open(dir)) {
                assertEquals(full, ids(reopened.log("HEAD", 0, false).entries()), "same order from the database");
            }
        }
    }

    @Test
    void diffReportsAddedRemovedModifiedAndRenamedByContent() {
        try (Repository repo = Repository.init(dir)) {
            Tensor kept = t(1);
            Tensor moved = t(2);
            Tensor before = Tensor.of(new float[] {1, 2, 3, 4});
            repo.commit(Map.of("kept", kept, "old.name", moved, "changed", before, "gone", t(4),
                    "reshaped", Tensor.zeros(DType.FLOAT32, 4)), "v1");
            Session s = repo.session();
            s.remove("old.name").stage("new.name", moved).remove("gone").stage("added", t(5))
                    .stage("changed", Tensor.of(new float[] {1, 2, 3, 8})).stage("reshaped", Tensor.zeros(DType.FLOAT32, 2, 2));
            s.commit("v2");

            DiffResult d = repo.diff("HEAD~1");
            assertEquals(List.of("added"), d.added().stream().map(DiffEntry::name).toList());
            assertEquals(List.of("gone"), d.removed().stream().map(DiffEntry::name).toList());
            assertEquals(List.of("changed", "reshaped"), d.modified().stream().map(DiffEntry::name).toList());
            DiffEntry renamed = d.renamed().get(0);
            assertEquals("new.name", renamed.name());
            assertEquals("old.name", renamed.from().name());
            assertEquals(renamed.from().id(), renamed.to().id());
            DiffEntry changed = d.modified().get(0);
            assertEquals(4.0, changed.comparison().l2(), 1e-12);
            assertEquals(4.0, changed.comparison().maxAbsDelta(), 1e-12);
            assertEquals(0.25, changed.comparison().fractionChanged(), 1e-12);
            assertNull(d.modified().get(1).comparison(), "no element-wise comparison across shapes");
            assertTrue(repo.diff("HEAD", "HEAD").isEmpty());
            assertEquals(d.entries().size(), repo.diff("HEAD", "HEAD~1").entries().size());
        }
    }

    @Test
    void branchesTagsDetachedHeadAndReflog() {
        try (Repository repo = Repository.init(dir)) {
            ObjectId c1 = repo.commit(Map.of("a", t(1)), "c1").commit().id();
            ObjectId c2 = repo.commit(Map.of("a", t(2)), "c2").commit().id();
            repo.createBranch("exp", "HEAD~1");
            assertEquals(c1, repo.resolve("exp"));
            assertEquals(List.of("exp", "main"), repo.branches().stream().map(b -> b.name()).toList());
            assertTrue(repo.branches().get(1).current());

            CheckoutResult toExp = repo.checkout("exp");
            assertEquals("exp", toExp.branch());
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> repo.deleteBranch("exp"));
            assertTrue(refused.getMessage().contains("HEAD is on it"), refused.getMessage());
            repo.commit(Map.of("b", t(3)), "on exp");
            assertEquals(c2, repo.resolve("main"), "main does not move");

            CheckoutResult detached = repo.checkout(c1.hex().substring(0, 10));
            assertTrue(detached.detached());
            StatusResult status = repo.status();
            assertTrue(status.detached());
            assertNull(status.branch());
            assertEquals(c1, status.head());
            CommitResult onDetached = repo.commit(Map.of("c", t(4)), "detached work");
            assertNull(onDetached.branch());
            assertEquals(onDetached.commit().id(), repo.resolve("HEAD"));
            assertEquals(c2, repo.resolve("main"));

            repo.checkout("main");
            repo.deleteBranch("exp");
            assertEquals(List.of("main"), repo.branches().stream().map(b -> b.name()).toList());

            repo.createTag("v1", "HEAD~1", "first model", Map.of("acc", 0.75, "loss", 0.5));
            assertEquals(c1, repo.resolve("v1"));
            assertEquals(Map.of("acc", 0.75, "loss", 0.5), repo.tags().get(0).metrics());
            assertEquals(c1, repo.log("v1", 1, true).entries().get(0).commit().id());
            assertEquals(List.of("v1"), repo.log("main", 0, true).entries().get(1).tags());
            repo.deleteTag("v1");
            assertTrue(repo.tags().isEmpty());

            List<ReflogEntry> head = repo.reflog("HEAD").entries();
            assertEquals("checkout: moving from " + onDetached.commit().id().shortHex() + " to main", head.get(0).message());
            assertEquals(c2, head.get(0).newId());
            List<ReflogEntry> main = repo.reflog("main").entries();
            assertEquals(2, main.size());
            assertEquals(c2, main.get(0).newId());
            assertEquals(c1, main.get(0).oldId());
            assertNull(main.get(1).oldId());
            assertEquals("branch: deleted", repo.reflog("exp").entries().get(0).message());
        }
    }

    @Test
    void abbreviatedIdsResolveAndAmbiguityIsReported() {
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            Map<String, ObjectId> byPrefix = new HashMap<>();
            String ambiguous = null;
            for (int i = 0; ambiguous == null && i < 5000; i++) {
                ObjectId id = repo.commit(Map.of("w", Tensor.of(new int[] {i})), "c" + i).commit().id();
                String prefix = id.hex().substring(0, 4);
                if (byPrefix.putIfAbsent(prefix, id) != null) {
                    ambiguous = prefix;
                }
            }
            assertTrue(ambiguous != null, "two commits share a 4-digit prefix");
            String prefix = ambiguous;
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> repo.resolve(prefix));
            assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
            ObjectId first = byPrefix.get(prefix);
            assertEquals(first, repo.resolve(first.hex().substring(0, 16)));
            assertEquals(first, repo.resolve(first.hex().toUpperCase()));
            assertThrows(Exception.class, () -> repo.resolve(first.hex().substring(0, 3)));
        }
    }

    @Test
    void largeTreesStoredAsDeltasReadBackAfterReopen() {
        Map<String, Tensor> model = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            model.put("layer" + i, Tensor.of(new float[] {i}));
        }
        List<ObjectId> commits = new java.util.ArrayList<>();
        try (Repository repo = Repository.init(dir)) {
            commits.add(repo.commit(model, "full model").commit().id());
            for (int step = 0; step < 80; step++) {
                Tensor next = Tensor.of(new float[] {1000 + step});
                repo.commit(Map.of("layer" + (step % 40), next), "step " + step);
                commits.add(repo.resolve("HEAD"));
            }
        }
        try (Repository repo = Repository.open(dir)) {
            for (int k = 0; k < commits.size(); k += 7) {
                ModelView view = repo.at(commits.get(k).hex());
                assertEquals(40, view.size());
                for (int layer = 0; layer < 40; layer++) {
                    int lastStep = -1;
                    for (int step = 0; step < k; step++) {
                        if (step % 40 == layer) {
                            lastStep = step;
                        }
                    }
                    float expected = lastStep < 0 ? layer : 1000 + lastStep;
                    assertEquals(expected, view.tensor("layer" + layer).getFloat(0), "commit " + k + " layer " + layer);
                }
            }
            assertTrue(repo.fsck().ok());
            assertEquals(40 + 80, repo.stats().tensors());
        }
    }
}
