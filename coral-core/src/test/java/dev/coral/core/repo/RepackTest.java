package dev.coral.core.repo;

import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorStorage;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code repack}: re-encodes with the current settings, never changes an id or a byte, survives being killed. */
class RepackTest {
    @TempDir
    Path dir;

    private static Tensor near(Tensor base, long seed, double noise) {
        return base.plus(Tensor.randn(seed, base.shape()).times(noise));
    }

    /** Ten near copies of one tensor committed one per commit under new names, with the index switched off. */
    private Map<String, Tensor> commitUnrelatedLooking(Repository repo, int rows, int cols) {
        repo.config().set("dedup.threshold", "1");
        Tensor base = Tensor.randn(3, rows, cols);
        Map<String, Tensor> written = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            Tensor t = near(base, 40 + i, 0.01);
            repo.commit(Map.of("copy." + i, t), "copy " + i);
            written.put("copy." + i, t);
        }
        return written;
    }

    private static void assertAllExact(Path dir, Map<String, Tensor> written) {
        try (Repository fresh = Repository.open(dir)) {
            written.forEach((name, t) -> assertEquals(t, fresh.read("HEAD", name), name));
            FsckResult fsck = fresh.fsck();
            assertTrue(fsck.problems().isEmpty(), fsck.problems().toString());
        }
    }

    @Test
    void aLoweredThresholdTurnsWholeCopiesIntoDeltasWithoutChangingAnyIdOrByte() {
        Map<String, Tensor> written;
        List<TensorEntry> treeBefore;
        LogResult logBefore;
        try (Repository repo = Repository.init(dir)) {
            written = commitUnrelatedLooking(repo, 100, 100);
            assertEquals(0, repo.stats().deltaObjects());
            treeBefore = repo.show("HEAD").tree();
            logBefore = repo.log("HEAD", 0, false);

            repo.config().set("dedup.threshold", "0.95");
            RepackResult r = repo.repack();

            assertEquals(10, r.objects());
            assertEquals(0, r.deltasBefore());
            assertEquals(9, r.deltasAfter());
            assertEquals(9, r.rewritten());
            assertTrue(r.storedBytesAfter() < r.storedBytesBefore() * 0.85, r.toString());
            assertEquals(r.storedBytesAfter(), repo.stats().encodedBytes());
            assertEquals(treeBefore, repo.show("HEAD").tree());
            assertEquals(logBefore, repo.log("HEAD", 0, false));
            for (TensorEntry e : treeBefore) {
                TensorStorage s = repo.storageOf(e.id());
                assertTrue(s.chainDepth() <= 1, e.name());
            }
            assertEquals(0, repo.repack().rewritten(), "a second repack finds nothing smaller");
        }
        assertAllExact(dir, written);
    }

    @Test
    void aLoweredChainLimitShortensEveryChain() {
        Map<String, Tensor> written = new LinkedHashMap<>();
        try (Repository repo = Repository.init(dir)) {
            Tensor t = Tensor.randn(9, 60, 60);
            for (int epoch = 0; epoch < 7; epoch++) {
                t = near(t, 500 + epoch, 0.001);
                repo.commit(Map.of("w", t), "epoch " + epoch);
                written.put("w", t);
            }
            assertEquals(6, repo.show("HEAD:w").tensor().chainDepth());

            repo.config().set("codec.maxChainDepth", "2");
            repo.repack();

            assertTrue(repo.stats().storage().chainDepths().stream().allMatch(d -> d.depth() <= 2),
                    repo.stats().storage().chainDepths().toString());
            for (int back = 0; back < 7; back++) {
                assertTrue(repo.show("HEAD~" + back + ":w").tensor().chainDepth() <= 2);
            }
        }
        assertAllExact(dir, written);
    }

    @Test
    void readersRunningDuringARepackAlwaysGetTheExactTensors() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            Map<String, Tensor> written = commitUnrelatedLooking(repo, 300, 300);   // files replaced by inline deltas
            repo.config().set("dedup.threshold", "0.95");
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        written.forEach((name, t) -> {
                            if (!repo.read("HEAD", name).equals(t)) {
                                throw new AssertionError(name + " read back different bytes");
                            }
                            reads.incrementAndGet();
                        });
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            reader.start();
            RepackResult r = repo.repack();
            done.set(true);
            reader.join();
            assertEquals(null, failure.get(), () -> "a read failed during the repack: " + failure.get());
            assertEquals(9, r.rewritten());
            assertTrue(reads.get() > 0);
        }
    }

    @Test
    void aRepackKilledMidWayLeavesEveryTensorReadable() throws Exception {
        Map<String, Tensor> written;
        try (Repository repo = Repository.init(dir)) {
            written = commitUnrelatedLooking(repo, 300, 300);   // whole copies are object files, deltas inline
            repo.config().set("dedup.threshold", "0.95");
        }
        for (String point : List.of(PausePoints.REPACK_ENCODED, PausePoints.REPACK_REPLACED)) {
            Path signal = dir.resolve("logs").resolve(point);
            ChildProcess child = ChildProcess.start(dir.resolve("logs"),
                    List.of("-Dcoral.test.pauseAt=" + point, "-Dcoral.test.pauseSignal=" + signal), "repack", dir.toString());
            child.awaitFile(signal);
            child.kill();
            assertAllExact(dir, written);
        }
        try (Repository repo = Repository.open(dir)) {
            repo.repack();
            assertEquals(9, repo.stats().deltaObjects());
        }
        assertAllExact(dir, written);
        try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "the file of the one whole copy left, and the "
                    + "old file of the copy replaced just before the kill (no row names it; removing it is gc's job)");
        }
    }
}
