package dev.coral.core.cli;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.coral.core.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every verb through the CLI in this JVM, in text and with {@code --json}, on a real repository. */
class CliVerbsTest {
    @TempDir
    Path dir;

    private Tensor w1;
    private Tensor w2;

    @BeforeEach
    void files() {
        w1 = Tensor.randn(1, 40, 30);
        w2 = w1.plus(Tensor.randn(2, 40, 30).times(0.01));
        Map<String, Tensor> first = new LinkedHashMap<>();
        first.put("fc1.weight", w1);
        first.put("fc1.bias", Tensor.zeros(DType.FLOAT32, 40));
        TensorFiles.write(dir.resolve("epoch1.npz"), first);
        TensorFiles.write(dir.resolve("epoch2.safetensors"), Map.of("fc1.weight", w2));
        TensorFiles.write(dir.resolve("extra.npy"), Map.of("extra", Tensor.of(new int[] {1, 2, 3})));
    }

    @Test
    void initAddCommitStatusLogShow() {
        assertTrue(run(dir, "init").ok().contains("initialized empty Coral repository in " + dir.resolve(".coral")));
        assertTrue(Files.isDirectory(dir.resolve(".coral")));

        String added = run(dir, "add", "epoch1.npz").ok();
        assertTrue(added.contains("staged 2 tensors"), added);
        assertTrue(added.contains("fc1.weight  float32  [40, 30]  4.7 KiB"), added);

        Map<String, Object> status = run(dir, "status", "--json").jsonObject();
        assertEquals("main", status.get("branch"));
        assertNull(status.get("head"));
        List<?> staged = (List<?>) status.get("staged");
        assertEquals(2, staged.size());
        assertEquals("ADDED", ((Map<?, ?>) staged.get(0)).get("status"));
        assertTrue(run(dir, "status").ok().contains("On branch main, no commits yet"));

        Map<String, Object> commit = run(dir, "--json", "commit", "-m", "epoch 1", "--author", "ada",
                "--metric", "acc=0.5", "--metric", "loss=1.25").jsonObject();
        Map<?, ?> info = (Map<?, ?>) commit.get("commit");
        assertEquals("epoch 1", info.get("message"));
        assertEquals("ada", info.get("author"));
        assertEquals(Map.of("acc", 0.5, "loss", 1.25), info.get("metrics"));
        assertEquals(List.of("fc1.bias", "fc1.weight"), commit.get("added"));
        assertEquals("main", commit.get("branch"));
        assertTrue(run(dir, "status").ok().contains("nothing staged"));
        assertTrue(run(dir, "commit", "-m", "again").userError().contains("nothing to commit"));

        run(dir, "add", "epoch2.safetensors").ok();
        String second = run(dir, "commit", "-m", "epoch 2").ok();
        assertTrue(second.startsWith("[main "), second);
        assertTrue(second.contains("0 added, 1 modified, 0 removed"), second);

        String log = run(dir, "log").ok();
        List<String> lines = log.lines().toList();
        assertEquals(2, lines.size(), log);
        assertTrue(lines.get(0).matches("\\* [0-9a-f]{12} \\(HEAD, main\\) epoch 2  — .*"), log);
        assertTrue(lines.get(1).contains("epoch 1  — ada") && lines.get(1).contains("[acc=0.5 loss=1.25]"), log);
        Map<String, Object> logJson = run(dir, "log", "--json", "-n", "1").jsonObject();
        assertEquals(1, ((List<?>) logJson.get("entries")).size());
        assertEquals(2, ((List<?>) run(dir, "log", "--first-parent", "--json").jsonObject().get("entries")).size());

        String show = run(dir, "show", "HEAD~1").ok();
        assertTrue(show.contains("Metrics: acc=0.5 loss=1.25") && show.contains("    epoch 1"), show);
        assertTrue(show.contains("2 tensors, 4.8 KiB"), show);
        Map<String, Object> tensor = run(dir, "show", "--json", "HEAD:fc1.weight").jsonObject();
        Map<?, ?> summary = (Map<?, ?>) tensor.get("tensor");
        assertEquals("float32", ((Map<?, ?>) summary.get("entry")).get("dtype"));
        assertEquals(List.of(40L, 30L), ((Map<?, ?>) summary.get("entry")).get("shape"));
        assertEquals(1200L, ((Map<?, ?>) summary.get("stats")).get("count"));
        String tensorText = run(dir, "show", "HEAD:fc1.weight").ok();
        assertTrue(tensorText.contains("shape   [40, 30]") && tensorText.contains("mean") && tensorText.contains("std"),
                tensorText);
    }

    @Test
    void addWithPrefixAndNameThenRm() {
        run(dir, "init").ok();
        run(dir, "add", "--prefix", "enc.", "epoch1.npz").ok();
        run(dir, "add", "extra.npy", "--name", "ids").ok();
        Map<String, Object> c = run(dir, "commit", "-m", "one", "--json").jsonObject();
        assertEquals(List.of("enc.fc1.bias", "enc.fc1.weight", "ids"), c.get("added"));

        assertEquals("rm ids\n", run(dir, "rm", "ids").ok());
        run(dir, "add", "extra.npy").ok();
        run(dir, "rm", "extra").ok();   // only staged: unstaged again
        List<?> staged = (List<?>) run(dir, "status", "--json").jsonObject().get("staged");
        assertEquals(1, staged.size());
        assertEquals("REMOVED", ((Map<?, ?>) staged.get(0)).get("status"));
        assertEquals(List.of("ids"), run(dir, "commit", "-m", "drop ids", "--json").jsonObject().get("removed"));
    }

    @Test
    void branchCheckoutTagDiffReflog() {
        run(dir, "init").ok();
        run(dir, "add", "epoch1.npz").ok();
        run(dir, "commit", "-m", "base").ok();

        assertTrue(run(dir, "branch", "exp").ok().startsWith("created branch exp at "));
        String branches = run(dir, "branch").ok();
        assertTrue(branches.contains("   exp ") && branches.contains("*  main "), branches);
        List<?> listed = (List<?>) run(dir, "branch", "--json").jsonObject().get("branches");
        assertEquals(2, listed.size());

        assertTrue(run(dir, "checkout", "exp").ok().startsWith("switched to branch exp at "));
        run(dir, "add", "epoch2.safetensors").ok();
        run(dir, "commit", "-m", "tuned").ok();
        Map<String, Object> tag = run(dir, "tag", "v1", "-m", "best so far", "--metric", "acc=0.91", "--json").jsonObject();
        assertEquals("CREATED", tag.get("action"));
        assertEquals(Map.of("acc", 0.91), ((Map<?, ?>) tag.get("tag")).get("metrics"));
        assertTrue(run(dir, "tag").ok().matches("v1  [0-9a-f]{12}  acc=0.91  best so far\n"));

        List<Object> diff = run(dir, "diff", "--json", "main", "exp").jsonList();
        assertEquals(1, diff.size());
        Map<?, ?> entry = (Map<?, ?>) diff.get(0);
        assertEquals("fc1.weight", entry.get("name"));
        assertEquals("MODIFIED", entry.get("status"));
        assertTrue(((Map<?, ?>) entry.get("from")).get("id").toString().matches("[0-9a-f]{64}"));
        assertTrue((Double) entry.get("cosine") > 0.99, entry.toString());
        assertTrue((Double) entry.get("l2") > 0);
        assertTrue((Double) entry.get("maxAbsDelta") > 0);
        assertEquals(1.0, (Double) entry.get("fractionChanged"), 0.01);
        String diffText = run(dir, "diff", "main").ok();
        assertTrue(diffText.startsWith("diff main ("), diffText);
        assertTrue(diffText.contains("modified  fc1.weight  float32  [40, 30]  4.7 KiB  l2 "), diffText);
        assertTrue(diffText.endsWith("1 modified\n"), diffText);
        assertTrue(run(dir, "diff", "main", "main").ok().contains("no differences"));

        String detached = run(dir, "checkout", "HEAD~1").ok();
        assertTrue(detached.startsWith("HEAD is now detached at "), detached);
        assertTrue(run(dir, "status").ok().startsWith("HEAD detached at "));
        Map<String, Object> back = run(dir, "checkout", "-b", "fix", "--json").jsonObject();
        assertEquals("fix", back.get("branch"));
        assertEquals(false, back.get("detached"));

        String reflog = run(dir, "reflog").ok();
        assertTrue(reflog.lines().findFirst().orElseThrow().contains("HEAD@{0}"), reflog);
        assertTrue(reflog.contains("commit: tuned"), reflog);
        assertFalse(((List<?>) run(dir, "reflog", "exp", "--json").jsonObject().get("entries")).isEmpty());

        assertEquals("DELETED", run(dir, "branch", "-d", "exp", "--json").jsonObject().get("action"));
        assertTrue(run(dir, "tag", "-d", "v1").ok().startsWith("deleted tag v1 (was "));
        assertTrue(run(dir, "tag").ok().contains("no tags"));
    }

    @Test
    void statsFsckAndConfig() {
        run(dir, "init").ok();
        run(dir, "add", "epoch1.npz").ok();
        run(dir, "commit", "-m", "one").ok();
        run(dir, "add", "epoch2.safetensors").ok();
        run(dir, "commit", "-m", "two").ok();

        Map<String, Object> stats = run(dir, "stats", "--json").jsonObject();
        for (String key : List.of("commits", "tensors", "uniqueObjects", "logicalBytes", "storedBytes")) {
            assertTrue(stats.get(key) instanceof Long, key + " in " + stats);
        }
        assertEquals(2L, stats.get("commits"));
        assertEquals(3L, stats.get("uniqueObjects"));
        assertEquals(2L * 40 * 30 * 4 + 40 * 4, stats.get("logicalBytes"));
        assertTrue((Long) stats.get("storedBytes") > 0);
        String statsText = run(dir, "stats").ok();
        assertTrue(statsText.contains("logical size") && statsText.contains("KiB"), statsText);

        String fsck = run(dir, "fsck").ok();
        assertTrue(fsck.contains("no problems found"), fsck);
        assertEquals(List.of(), run(dir, "fsck", "--json").jsonObject().get("problems"));

        assertEquals("full\n", run(dir, "config", "get", "durability").ok());
        assertEquals("durability = process (was full)\n", run(dir, "config", "set", "durability", "process").ok());
        Map<String, Object> entry = run(dir, "config", "get", "durability", "--json").jsonObject();
        assertEquals("process", entry.get("value"));
        assertEquals(false, entry.get("isDefault"));
        String list = run(dir, "config").ok();
        assertTrue(list.contains("durability = process") && list.contains("codec.zstdLevel = "), list);
        assertEquals(run(dir, "config").ok(), run(dir, "config", "list").ok());
        List<?> entries = (List<?>) run(dir, "config", "list", "--json").jsonObject().get("entries");
        assertTrue(entries.size() >= 4);
        Map<String, Object> unset = run(dir, "config", "unset", "durability", "--json").jsonObject();
        assertEquals("full", ((Map<?, ?>) unset.get("current")).get("value"));
        assertEquals("process", ((Map<?, ?>) unset.get("previous")).get("value"));
    }

    @Test
    void exportWritesTheCommitAndRefusesToOverwrite() throws Exception {
        run(dir, "init").ok();
        run(dir, "add", "epoch1.npz").ok();
        run(dir, "commit", "-m", "one").ok();
        String noDir = run(dir, "export", "HEAD", "out/m.safetensors").userError();
        assertTrue(noDir.contains("out does not exist"), noDir);
        Files.createDirectories(dir.resolve("out"));
        Map<String, Object> r = run(dir, "export", "HEAD", "out/m.safetensors", "--json").jsonObject();
        assertTrue(r.get("file").toString().endsWith("m.safetensors"));
        assertEquals(2L, r.get("tensors"));
        assertEquals(dir.resolve("out/m.safetensors").toString(), r.get("file"));
        var exported = TensorFiles.read(dir.resolve("out/m.safetensors"));
        assertEquals(w1, exported.tensors().get("fc1.weight"));
        assertEquals(r.get("commit"), exported.metadata().get("coral.commit"));
        String again = run(dir, "export", "HEAD", "out/m.safetensors").userError();
        assertTrue(again.contains("exists; use --force"), again);
        run(dir, "export", "HEAD", "out/m.safetensors", "--force").ok();
    }

    @Test
    void dashCRunsInAnotherDirectoryAndFindsTheRepositoryAbove() throws Exception {
        Path repo = dir.resolve("repo");
        run(dir, "init", "repo").ok();
        Files.createDirectories(repo.resolve("deep/er"));
        Files.copy(dir.resolve("epoch1.npz"), repo.resolve("deep/er/e.npz"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        run(elsewhere, "-C", "../repo", "-C", "deep", "add", "er/e.npz").ok();
        run(elsewhere, "-C", "../repo/deep/er", "commit", "-m", "from below").ok();
        Map<String, Object> log = run(repo, "log", "--json").jsonObject();
        assertEquals(1, ((List<?>) log.get("entries")).size());
        String missing = run(elsewhere, "-C", "nope", "status").userError();
        assertTrue(missing.contains("-C nope: no such directory"), missing);
        String noRepo = run(elsewhere, "status").userError();
        assertTrue(noRepo.contains("no Coral repository"), noRepo);
    }

    @Test
    void everyVerbPrintsOneJsonDocumentWithItsDocumentedFields() {
        Map<List<String>, List<String>> expectations = new LinkedHashMap<>();
        expectations.put(List.of("init", "repo"), List.of("root"));
        expectations.put(List.of("-C", "repo", "add", "../epoch1.npz"), List.of("sources", "staged"));
        expectations.put(List.of("-C", "repo", "rm", "fc1.bias"), List.of("names"));
        expectations.put(List.of("-C", "repo", "status"), List.of("branch", "head", "detached", "staged"));
        expectations.put(List.of("-C", "repo", "commit", "-m", "one"),
                List.of("commit", "branch", "added", "modified", "removed", "rebased", "newObjects", "bytesWritten"));
        expectations.put(List.of("-C", "repo", "log"), List.of("ref", "firstParentOnly", "entries"));
        expectations.put(List.of("-C", "repo", "show"), List.of("spec", "commit", "tree", "tensor"));
        expectations.put(List.of("-C", "repo", "branch", "b"), List.of("action", "branch"));
        expectations.put(List.of("-C", "repo", "branch"), List.of("branches"));
        expectations.put(List.of("-C", "repo", "checkout", "b"), List.of("branch", "commit", "detached", "previousBranch", "previous"));
        expectations.put(List.of("-C", "repo", "tag", "t", "--metric", "acc=1"), List.of("action", "tag"));
        expectations.put(List.of("-C", "repo", "tag"), List.of("tags"));
        expectations.put(List.of("-C", "repo", "reflog"), List.of("ref", "entries"));
        expectations.put(List.of("-C", "repo", "export", "HEAD", "out.safetensors"), List.of("file", "ref", "commit", "tensors", "bytes"));
        expectations.put(List.of("-C", "repo", "stats"), List.of("commits", "tensors", "uniqueObjects", "logicalBytes", "storedBytes"));
        expectations.put(List.of("-C", "repo", "fsck"), List.of("tensorsChecked", "treesChecked", "commitsChecked", "refsChecked", "problems"));
        expectations.put(List.of("-C", "repo", "config"), List.of("entries"));
        expectations.put(List.of("-C", "repo", "config", "get", "durability"), List.of("key", "value", "isDefault", "description"));
        expectations.put(List.of("-C", "repo", "config", "set", "durability", "process"), List.of("previous", "current"));
        expectations.forEach((args, keys) -> {
            List<String> withJson = new java.util.ArrayList<>(args);
            withJson.add("--json");
            Map<String, Object> doc = run(dir, withJson.toArray(String[]::new)).jsonObject();
            assertTrue(doc.keySet().containsAll(keys), args + ": " + doc.keySet());
        });
        assertTrue(run(dir, "-C", "repo", "diff", "HEAD", "--json").jsonList().isEmpty());
        run(dir, "-C", "repo", "checkout", "main").ok();
        assertTrue(run(dir, "-C", "repo", "branch", "-d", "b", "--json").jsonObject().containsKey("branch"));
    }

    @Test
    void progressGoesToStderrOnRequestAndIsErasedWhenDone() {
        run(dir, "init").ok();
        CliRunner.Outcome add = run(dir, "add", "--progress", "epoch1.npz", "extra.npy");
        assertEquals(0, add.exit());
        assertTrue(add.out().startsWith("staged 3 tensors"), add.out());
        assertTrue(add.err().contains("\rcoral: reading 0/2") && add.err().contains("coral: reading 2/2")
                && add.err().contains("coral: storing 3 tensors…"), add.err());
        assertTrue(add.err().endsWith("\r"), "the progress line is erased at the end: " + add.err());
        assertEquals("", run(dir, "commit", "-m", "quiet without a terminal").err());
    }

    @Test
    void helpAndVersionPrintOnStdout() {
        String help = run(dir, "--help").ok();
        assertTrue(help.contains("Usage: coral") && help.contains("diff"), help);
        assertTrue(run(dir, "diff", "--help").ok().contains("FROM [TO]"));
        assertTrue(run(dir, "--version").ok().startsWith("coral "));
        assertTrue(run(dir, "--json", "--help").ok().startsWith("Usage: coral"));
    }
}
