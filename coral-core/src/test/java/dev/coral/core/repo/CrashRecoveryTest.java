package dev.coral.core.repo;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.GcResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real child process (SIGKILL) while it is inside a commit, at each pause point of the commit
 * protocol, then checks that the repository opens, every acknowledged commit is intact, the interrupted
 * commit is wholly there or wholly absent, and fsck is clean.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;
    @TempDir
    Path logs;

    @ParameterizedTest(name = "kill at {0} with durability {1}")
    @CsvSource({
        "commit.objects-written, full, false",
        "commit.before-sql-commit, full, false",
        "commit.after-sql-commit, full, true",
        "commit.objects-written, process, false",
        "commit.before-sql-commit, process, false",
        "commit.after-sql-commit, process, true",
    })
    void killDuringCommit(String pausePoint, String durability, boolean interruptedCommitLands) throws Exception {
        Map<String, Tensor> acknowledged = new java.util.LinkedHashMap<>();
        List<ObjectId> acknowledgedCommits = new ArrayList<>();
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", durability);
            for (int i = 0; i < 3; i++) {
                Tensor small = Tensor.randn(i, 30, 30);
                Tensor large = Tensor.randn(100 + i, 300, 300);
                acknowledged.put("small" + i, small);
                acknowledged.put("large" + i, large);
                acknowledgedCommits.add(repo.commit(Map.of("small" + i, small, "large" + i, large), "ack " + i).commit().id());
            }
        }
        Path signal = dir.resolveSibling(dir.getFileName() + ".paused");
        ChildProcess child = ChildProcess.start(logs, List.of("-Dcoral.test.pauseAt=" + pausePoint,
                "-Dcoral.test.pauseSignal=" + signal), "commit-one", dir.toString(), "interrupted", "77", "400", "400");
        child.awaitFile(signal);
        child.kill();
        assertTrue(child.output().isEmpty(), "the child must not have acknowledged the commit it was killed in");

        try (Repository repo = Repository.open(dir)) {
            ObjectId lastAcknowledged = acknowledgedCommits.get(acknowledgedCommits.size() - 1);
            ObjectId tip = repo.resolve("main");
            ModelView view = repo.at("main");
            if (interruptedCommitLands) {
                assertEquals(List.of(lastAcknowledged), repo.show("main").commit().parents());
                assertEquals(Tensor.randn(77, 400, 400), view.tensor("interrupted"));
            } else {
                assertEquals(lastAcknowledged, tip);
                assertFalse(view.contains("interrupted"));
            }
            for (Map.Entry<String, Tensor> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), repo.read("main", e.getKey()), e.getKey());
            }
            List<ObjectId> history = repo.log("main", 0, true).entries().stream().map(x -> x.commit().id()).toList();
            assertTrue(history.containsAll(acknowledgedCommits));
            FsckResult fsck = repo.fsck();
            assertTrue(fsck.ok(), fsck.problems().toString());

            GcResult gc = repo.gc(Duration.ZERO);
            assertEquals(interruptedCommitLands ? 0 : 1, gc.filesRemoved(),
                    "the killed commit's object file is collected unless its commit landed");
            for (Map.Entry<String, Tensor> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), repo.read("main", e.getKey()), e.getKey() + " after gc");
            }
            assertTrue(repo.fsck().ok(), "fsck after gc");

            Tensor after = Tensor.randn(5, 10, 10);
            repo.commit(Map.of("after", after), "after the crash");
            assertEquals(after, repo.read("HEAD", "after"));
        }
    }
}
