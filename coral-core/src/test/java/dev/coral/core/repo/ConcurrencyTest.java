package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogEntry;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA workload 4, extended: many threads sharing one {@code Repository} and many processes sharing one
 * directory commit to the same branch; every acknowledged op must be in the tip and in history.
 */
class ConcurrencyTest {
    @TempDir
    Path dir;
    @TempDir
    Path logs;

    /** What an acknowledged op committed. */
    private record Op(String name, ObjectId commit, ObjectId tensor) {
    }

    @ParameterizedTest(name = "{0} threads × {1} ops")
    @CsvSource({"1, 50", "2, 50", "4, 50", "8, 50", "16, 50", "64, 50"})
    void threadsSharingOneRepository(int threads, int opsPerThread) throws Exception {
        List<Op> acknowledged = new ArrayList<>();
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            Tensor base = Tensor.randn(1, 200, 200);
            Tensor[] noise = new Tensor[8];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = Tensor.randn(1000 + i, 200, 200);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Op>>> futures = new ArrayList<>();
                CountDownLatch start = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    int worker = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Op> done = new ArrayList<>();
                        for (int i = 0; i < opsPerThread; i++) {
                            int id = worker * opsPerThread + i;
                            Tensor tensor = base.plus(noise[id % noise.length].times((id + 1) * 0.01));
                            String name = "concurrent_worker_" + id;
                            CommitResult r = repo.session().stage(name, tensor).commit("op " + id);
                            done.add(new Op(name, r.commit().id(), TensorHasher.id(tensor)));
                        }
                        return done;
                    }));
                }
                start.countDown();
                for (Future<List<Op>> f : futures) {
                    acknowledged.addAll(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(threads * opsPerThread, acknowledged.size(), "every op must succeed");
        verifyAllLanded(acknowledged);
    }

    @ParameterizedTest(name = "{0} processes × {1} ops")
    @CsvSource({"2, 20", "4, 15", "6, 10", "8, 8"})
    void processesSharingOneDirectory(int processes, int opsPerProcess) throws Exception {
        Repository.init(dir).close();
        List<ChildProcess> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(ChildProcess.start(logs, List.of(), "commit-ops", dir.toString(), "proc" + p,
                    String.valueOf(opsPerProcess), "50"));
        }
        List<Op> acknowledged = new ArrayList<>();
        for (ChildProcess child : children) {
            for (String line : child.finish()) {
                String[] f = line.split(" ");
                acknowledged.add(new Op(f[0], ObjectId.parse(f[1]), ObjectId.parse(f[2])));
            }
        }
        assertEquals(processes * opsPerProcess, acknowledged.size(), "every op must succeed");
        verifyAllLanded(acknowledged);
    }

    private void verifyAllLanded(List<Op> acknowledged) {
        try (Repository repo = Repository.open(dir)) {
            ModelView tip = repo.at("main");
            for (Op op : acknowledged) {
                assertEquals(op.tensor(), tip.entry(op.name()).id(), op.name() + " in the tip");
            }
            assertEquals(acknowledged.size(), tip.size());
            List<LogEntry> history = repo.log("main", 0, false).entries();
            Set<ObjectId> commits = history.stream().map(e -> e.commit().id()).collect(Collectors.toSet());
            for (Op op : acknowledged) {
                assertTrue(commits.contains(op.commit()), op.name() + "'s commit in history");
            }
            assertEquals(acknowledged.size(), history.size(), "one commit per op, no other");
            FsckResult fsck = repo.fsck();
            assertTrue(fsck.ok(), fsck.problems().toString());
        }
    }

    @Test
    void sameNameStagedInTwoSessionsConflictsInsteadOfOverwriting() {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", Tensor.randn(0, 10, 10)), "base");
            Session a = repo.session().stage("w", Tensor.randn(1, 10, 10));
            Session b = repo.session().stage("w", Tensor.randn(2, 10, 10));
            a.commit("a");
            ConflictException e = assertThrows(ConflictException.class, () -> b.commit("b"));
            assertTrue(e.getMessage().contains("'main'") && e.getMessage().contains("w"), e.getMessage());
            assertEquals(Tensor.randn(1, 10, 10), repo.read("main", "w"));
            assertEquals(2, repo.log("main", 0, false).entries().size());
            assertEquals(Set.of("w"), b.staged().keySet(), "the losing session keeps its staging");
        }
    }

    @Test
    void aCommitLostToAConflictLeavesNoObjectFileBehind() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", Tensor.randn(0, 10, 10)), "base");
            Session a = repo.session().stage("big", Tensor.randn(1, 400, 400));
            Session b = repo.session().stage("big", Tensor.randn(2, 400, 400)).stage("big.other", Tensor.randn(3, 300, 300));
            a.commit("a");
            assertThrows(ConflictException.class, () -> b.commit("b"));
            try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
                assertEquals(1, files.filter(Files::isRegularFile).count(), "only the winner's object file is left");
            }
            assertTrue(repo.fsck().ok());
            assertEquals(Tensor.randn(1, 400, 400), repo.read("main", "big"));
            repo.session().stageAll(b.staged()).commit("b again, on top of a");
            assertEquals(Tensor.randn(3, 300, 300), repo.read("main", "big.other"));
        }
    }

    @Test
    void twoWritersStoringOneNewTensorAtOnceLeaveOneObjectFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Repository repo = Repository.init(dir)) {
            for (int round = 0; round < 5; round++) {
                Tensor same = Tensor.randn(40 + round, 400, 400);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<CommitResult>> commits = new ArrayList<>();
                for (String name : List.of("a" + round, "b" + round)) {
                    Session s = repo.session().stage(name, same);
                    commits.add(pool.submit(() -> {
                        start.await();
                        return s.commit(name);
                    }));
                }
                for (Future<CommitResult> c : commits) {
                    c.get();
                }
                assertEquals(same, repo.read("main", "a" + round));
                assertEquals(same, repo.read("main", "b" + round));
            }
            try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
                assertEquals(5, files.filter(Files::isRegularFile).count(), "one object file per distinct tensor");
            }
            assertEquals(5, repo.stats().uniqueObjects());
            assertTrue(repo.fsck().ok());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesChangingOneNameNeverOverwriteEachOther() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("shared", Tensor.randn(0, 8, 8)), "base");
        }
        Path go = logs.resolve("go");
        List<ChildProcess> writers = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            ready.add(logs.resolve("ready" + w));
            writers.add(ChildProcess.start(logs, List.of(), "stage-then-commit", dir.toString(), "shared",
                    String.valueOf(w), ready.get(w - 1).toString(), go.toString()));
        }
        for (int w = 0; w < 2; w++) {
            writers.get(w).awaitFile(ready.get(w));
        }
        java.nio.file.Files.writeString(go, "go");
        List<String> outcomes = new ArrayList<>();
        for (ChildProcess writer : writers) {
            outcomes.addAll(writer.finish());
        }
        List<String> committed = outcomes.stream().filter(o -> o.startsWith("committed ")).toList();
        assertEquals(1, committed.size(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o.startsWith("conflict ") && o.contains("shared")).count(),
                outcomes.toString());
        try (Repository repo = Repository.open(dir)) {
            ObjectId winner = ObjectId.parse(committed.get(0).substring("committed ".length()));
            assertEquals(winner, repo.resolve("main"));
            assertEquals(2, repo.log("main", 0, false).entries().size());
            String message = repo.show("main").commit().message();
            long seed = Long.parseLong(message.substring("writer ".length()));
            assertEquals(Tensor.randn(seed, 8, 8), repo.read("main", "shared"));
        }
    }

    @Test
    void branchDeletedUnderAStagingSessionIsAConflict() {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", Tensor.randn(0, 10, 10)), "base");
            repo.createBranch("exp", "main");
            Session s = repo.session("exp").stage("x", Tensor.randn(1, 10, 10));
            repo.deleteBranch("exp");
            ConflictException e = assertThrows(ConflictException.class, () -> s.commit("on a deleted branch"));
            assertTrue(e.getMessage().contains("deleted"), e.getMessage());
            assertTrue(repo.branches().stream().noneMatch(b -> b.name().equals("exp")));
        }
    }

    @Test
    void differentNamesStagedInTwoSessionsAreRebased() {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of("w", Tensor.randn(0, 10, 10)), "base");
            Session a = repo.session().stage("x", Tensor.randn(1, 10, 10));
            Session b = repo.session().stage("y", Tensor.randn(2, 10, 10)).remove("w");
            CommitResult ra = a.commit("a");
            CommitResult rb = b.commit("b");
            assertTrue(rb.rebased());
            assertEquals(List.of(ra.commit().id()), rb.commit().parents());
            ModelView tip = repo.at("main");
            assertEquals(Set.of("x", "y"), tip.names());
        }
    }

    @Test
    void racingWritersOfOneNameNeverOverwriteSilently() throws Exception {
        int writers = 8;
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            repo.commit(Map.of("shared", Tensor.randn(0, 20, 20)), "base");
            CyclicBarrier barrier = new CyclicBarrier(writers);
            Map<Integer, ObjectId> winners = new ConcurrentHashMap<>();
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    Session s = repo.session().stage("shared", Tensor.randn(100 + writer, 20, 20));
                    barrier.await();
                    try {
                        winners.put(writer, s.commit("writer " + writer).commit().id());
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertEquals(1, winners.size(), "exactly one writer wins");
            assertEquals(writers - 1, conflicts.get());
            int winner = winners.keySet().iterator().next();
            assertEquals(Tensor.randn(100 + winner, 20, 20), repo.read("main", "shared"));
            assertEquals(winners.get(winner), repo.resolve("main"));
        }
    }

    @Test
    void oneCallCommitsFromManyThreadsOnSeparateBranchesStayApart() throws Exception {
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Map<String, Tensor> expected = new HashMap<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                String branch = "exp" + b;
                Tensor t = Tensor.randn(b, 16, 16);
                expected.put(branch, t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        repo.commit(Map.of("w" + i, t), CommitRequest.of("c" + i).onBranch(branch));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            for (Map.Entry<String, Tensor> e : expected.entrySet()) {
                assertEquals(10, repo.log(e.getKey(), 0, true).entries().size());
                assertEquals(e.getValue(), repo.read(e.getKey(), "w9"));
            }
            assertEquals(4, repo.stats().uniqueObjects(), "each branch's tensor is stored once");
        }
    }
}
