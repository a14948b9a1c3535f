package dev.coral.core.cli;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.json.Json;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as a real child process: {@code java -cp <test class path> dev.coral.core.cli.CoralCli …}. */
class CliProcessTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result coral(Path workingDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), CoralCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("CORAL_DEBUG");
        pb.environment().remove("CORAL_STDERR_TTY");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("coral " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result coral(Path workingDir, String... args) throws IOException, InterruptedException {
        return coral(workingDir, Map.of(), args);
    }

    @Test
    void aSessionInChildProcesses() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        assertEquals(0, coral(repo, "init").exit());
        TensorFiles.write(repo.resolve("m.safetensors"), Map.of("fc.weight", Tensor.randn(5, 30, 20)));
        Result add = coral(repo, "add", "m.safetensors", "--prefix", "net.");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("net.fc.weight"), add.out());
        Result commit = coral(repo, "--json", "commit", "-m", "first", "--metric", "acc=0.8");
        assertEquals(0, commit.exit(), commit.err());
        assertEquals("", commit.err());
        Map<?, ?> json = (Map<?, ?>) Json.parse(commit.out());
        assertEquals(List.of("net.fc.weight"), json.get("added"));

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Result log = coral(elsewhere, "-C", "../repo", "log", "--json");
        assertEquals(0, log.exit(), log.err());
        List<?> entries = (List<?>) ((Map<?, ?>) Json.parse(log.out())).get("entries");
        assertEquals(1, entries.size());

        Result text = coral(repo, "log");
        assertTrue(text.out().contains("(HEAD, main) first  —"), text.out());
        assertTrue(text.out().contains("[acc=0.8]"), "UTF-8 text output: " + text.out());
    }

    @Test
    void userErrorsExitOneWithOneLineOnStderr() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        coral(repo, "init");
        for (String[] args : List.of(new String[] {"show", "nope"}, new String[] {"commit", "--bogus"},
                new String[] {"frob"}, new String[] {"add", "missing.npz"})) {
            Result r = coral(repo, args);
            assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("coral: ") && r.err().strip().lines().count() == 1, r.err());
        }
        Result outside = coral(dir, "status");
        assertEquals(1, outside.exit());
        assertTrue(outside.err().contains("no Coral repository in " + dir.toRealPath()) || outside.err().contains("no Coral repository in " + dir),
                outside.err());
    }

    @Test
    void corruptionIsAnInternalErrorAndFsckReportsIt() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        coral(repo, "init");
        TensorFiles.write(repo.resolve("big.npz"), Map.of("big", Tensor.randn(9, 800, 800)));
        assertEquals(0, coral(repo, "add", "big.npz").exit());
        assertEquals(0, coral(repo, "commit", "-m", "big").exit());
        Path object = largestObjectFile(repo.resolve(".coral"));
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(object, bytes);

        Result fsck = coral(repo, "fsck", "--json");
        assertEquals(2, fsck.exit(), fsck.err());
        List<?> problems = (List<?>) ((Map<?, ?>) Json.parse(fsck.out())).get("problems");
        assertFalse(problems.isEmpty());

        Result show = coral(repo, "show", "HEAD:big");
        assertEquals(2, show.exit(), show.out() + show.err());
        assertEquals("", show.out());
        assertTrue(show.err().startsWith("coral: ") && show.err().strip().lines().count() == 1, show.err());

        Result debug = coral(repo, Map.of("CORAL_DEBUG", "1"), "show", "HEAD:big");
        assertEquals(2, debug.exit());
        assertTrue(debug.err().contains("\tat dev.coral."), "stack trace expected with CORAL_DEBUG=1: " + debug.err());
    }

    private static Path largestObjectFile(Path coralDir) throws IOException {
        try (Stream<Path> files = Files.walk(coralDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile)
                    .max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length()))
                    .orElseThrow(() -> new AssertionError("no object file under " + coralDir));
        }
    }
}
