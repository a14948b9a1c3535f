package dev.coral.core.repo;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad names and refs fail with a message naming the problem, and leave the repository as it was. */
class BadInputTest {
    @TempDir
    Path dir;
    private Repository repo;

    @BeforeEach
    void setUp() {
        repo = Repository.init(dir);
        repo.commit(Map.of("w", Tensor.randn(1, 4, 4)), "base");
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        repo.close();
    }

    private record Snapshot(LogResult log, List<?> branches, List<?> tags, StatsResult stats, List<?> index) {
    }

    private Snapshot snapshot() {
        StatsResult s = repo.stats();
        StatsResult withoutDiskSize = new StatsResult(s.commits(), s.branches(), s.tags(), s.tensors(), s.uniqueObjects(),
                s.logicalBytes(), s.encodedBytes(), s.deltaObjects(), 0);
        return new Snapshot(repo.log("HEAD", 0, false), repo.branches(), repo.tags(), withoutDiskSize, repo.index().list());
    }

    private void assertRejectedUnchanged(Class<? extends CoralException> type, String expectedText, Executable action) {
        Snapshot before = snapshot();
        CoralException e = assertThrows(type, action);
        assertTrue(e.getMessage().contains(expectedText), "message '" + e.getMessage() + "' should mention " + expectedText);
        assertTrue(e.isUserError());
        assertEquals(before, snapshot(), "the repository must be unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", "x y", "-lead", "ends.", "a.lock", "HEAD", "a:b", "a~1", "c^", "a//b", "/abs", "q?", "st*r",
        "br[", "back\\slash", "at@{x}", ".hidden"})
    void refNamesGitRefusesAreRejected(String name) {
        assertRejectedUnchanged(InvalidInputException.class, "name", () -> repo.createBranch(name, "HEAD"));
        assertRejectedUnchanged(InvalidInputException.class, "name", () -> repo.createTag(name, "HEAD", "m", Map.of()));
        assertRejectedUnchanged(InvalidInputException.class, "name",
                () -> repo.commit(Map.of("x", Tensor.of(new float[] {1})), CommitRequest.of("m").onBranch(name)));
    }

    @Test
    void tensorNamesWithPathTricksNulOrHugeLengthAreRejected() {
        Tensor t = Tensor.of(new float[] {1});
        assertRejectedUnchanged(InvalidInputException.class, "'..'", () -> repo.commit(Map.of("a/../b", t), "m"));
        assertRejectedUnchanged(InvalidInputException.class, "control character", () -> repo.commit(Map.of("a\0b", t), "m"));
        assertRejectedUnchanged(InvalidInputException.class, "10240 characters", () -> repo.commit(Map.of("n".repeat(10240), t), "m"));
        assertRejectedUnchanged(InvalidInputException.class, "empty", () -> repo.index().add("", t));
        assertRejectedUnchanged(InvalidInputException.class, "'..'",
                () -> repo.index().addAll(Map.of("fine", t, "../escape", t)));
    }

    @Test
    void unknownAndMalformedRefsAreReported() {
        assertRejectedUnchanged(NotFoundException.class, "nope", () -> repo.checkout("nope"));
        assertRejectedUnchanged(NotFoundException.class, "past the history", () -> repo.resolve("HEAD~5"));
        assertRejectedUnchanged(InvalidInputException.class, "empty", () -> repo.resolve(" "));
        assertRejectedUnchanged(InvalidInputException.class, "unexpected", () -> repo.resolve("HEAD~1x"));
        assertRejectedUnchanged(NotFoundException.class, "no tensor named", () -> repo.show("HEAD:missing"));
        assertRejectedUnchanged(NotFoundException.class, "no branch", () -> repo.deleteBranch("ghost"));
        assertRejectedUnchanged(NotFoundException.class, "neither in", () -> repo.session().remove("missing"));
        assertRejectedUnchanged(NotFoundException.class, "neither in", () -> repo.index().remove("missing"));
        assertRejectedUnchanged(NotFoundException.class, "no tag", () -> repo.deleteTag("ghost"));
        assertRejectedUnchanged(InvalidInputException.class, "already exists", () -> repo.createBranch("main", "HEAD"));
        assertRejectedUnchanged(InvalidInputException.class, "commit message", () -> repo.commit(Map.of(), " "));
        assertRejectedUnchanged(InvalidInputException.class, "nothing to commit",
                () -> repo.commit(Map.of("w", Tensor.randn(1, 4, 4)), "same content again"));
    }

    @Test
    void badMetricsAndConfigValuesAreRejected() {
        assertRejectedUnchanged(InvalidInputException.class, "acc", () -> Metrics.parse(List.of("acc=high")));
        assertRejectedUnchanged(InvalidInputException.class, "name=value", () -> Metrics.parse(List.of("oops")));
        assertRejectedUnchanged(InvalidInputException.class, "finite",
                () -> repo.createTag("t", "HEAD", "m", Map.of("loss", Double.NaN)));
        assertRejectedUnchanged(InvalidInputException.class, "full, process", () -> repo.config().set("durability", "maybe"));
        assertRejectedUnchanged(InvalidInputException.class, "unknown config key", () -> repo.config().set("nope", "1"));
        assertRejectedUnchanged(InvalidInputException.class, "codec.zstdLevel", () -> repo.config().set("codec.zstdLevel", "99"));
        assertEquals("full", repo.config().get("durability"));
    }

    @Test
    void configChangesAreValidatedStoredAndListed() {
        assertEquals("process", repo.config().set("durability", " PROCESS ").value());
        assertEquals("5", repo.config().set("codec.zstdLevel", "5").value());
        repo.close();
        repo = Repository.open(dir);
        assertEquals("process", repo.config().get("durability"));
        assertEquals(5, repo.config().list().size());
        assertTrue(repo.config().unset("durability").isDefault());
        assertEquals("full", repo.config().get("durability"));
        Tensor t = Tensor.randn(5, 30, 30);
        repo.commit(Map.of("after-config", t), "still works");
        assertEquals(t, repo.read("HEAD", "after-config"));
    }
}
