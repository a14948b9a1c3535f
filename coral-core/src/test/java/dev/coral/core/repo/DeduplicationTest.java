package dev.coral.core.repo;

import dev.coral.core.result.CommitResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeduplicationTest {
    @TempDir
    Path dir;

    @Test
    void aLargeCopyUnderANewNameWrittenBeforeItsIdWasKnownLeavesNoSecondFile() throws Exception {
        Tensor large = Tensor.randn(3, 400, 400);
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("codec.maxChainDepth", "0"); // no delta: the copy is encoded whole, as a file
            assertEquals(1, repo.commit(Map.of("a", large), "first").newObjects());
            CommitResult copy = repo.commit(Map.of("b", large), "the same content under a new name");
            assertEquals(0, copy.newObjects());
            assertEquals(0, copy.bytesWritten());
            try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
                assertEquals(1, files.filter(Files::isRegularFile).count(), "the copy's file was deleted again");
            }
            assertEquals(1, repo.stats().uniqueObjects());
            assertEquals(large, repo.read("HEAD", "b"));
        }
    }

    @Test
    void sameContentUnderTwoNamesInTwoCommitsOnTwoBranchesIsStoredOnce() throws Exception {
        Tensor small = Tensor.randn(1, 64, 64);
        Tensor large = Tensor.randn(2, 400, 400);
        try (Repository repo = Repository.init(dir)) {
            CommitResult first = repo.commit(Map.of("a", small, "big.a", large), "first");
            assertEquals(2, first.newObjects());
            assertTrue(first.bytesWritten() > large.byteSize() / 2);
            repo.createBranch("other", "HEAD");
            CommitResult second = repo.commit(Map.of("b", small, "big.b", large), "second, same content under new names");
            assertEquals(0, second.newObjects());
            assertEquals(0, second.bytesWritten());
            repo.commit(Map.of("c", small, "big.c", large), CommitRequest.of("on another branch").onBranch("other"));
            repo.index().add("d", small);
            repo.index().commit(CommitRequest.of("through the index"));

            StatsResult stats = repo.stats();
            assertEquals(4, stats.commits());
            assertEquals(2, stats.uniqueObjects());
            assertEquals(small.byteSize() + large.byteSize(), stats.logicalBytes());
            assertEquals(7, stats.tensors(), "a, b, c, d for one content and big.a, big.b, big.c for the other");
            try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
                assertEquals(1, files.filter(Files::isRegularFile).count(), "one object file for the large tensor");
            }
            assertTrue(stats.storedBytes() > stats.encodedBytes());
            Path wal = dir.resolve(".coral/coral.db-wal");
            assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "stats folds the write-ahead log into the database");
            assertEquals(small, repo.read("main", "d"));
            assertEquals(large, repo.read("other", "big.c"));
            assertEquals(large, repo.read("main~2", "big.a"));
        }
    }
}
