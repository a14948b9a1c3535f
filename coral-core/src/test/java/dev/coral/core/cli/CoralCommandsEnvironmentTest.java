package dev.coral.core.cli;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry point as the notebook uses it: a repository held open across commands, {@code add} of
 * variables through a custom {@link TensorSource}, progress callbacks, and result records returned.
 */
class CoralCommandsEnvironmentTest {
    @TempDir
    Path dir;

    /** A notebook-like host: keeps one repository open and knows a few variables. */
    private static final class NotebookHost implements CommandEnvironment {
        Repository held;
        final Map<String, Map<String, Tensor>> variables;
        final List<String> events = new ArrayList<>();
        int releases;

        NotebookHost(Map<String, Map<String, Tensor>> variables) {
            this.variables = variables;
        }

        @Override
        public Repository openRepository(Path workingDir) {
            return held != null ? held : (held = Repository.open(workingDir));
        }

        @Override
        public Repository initRepository(Path directory) {
            held = Repository.init(directory);
            return held;
        }

        @Override
        public void releaseRepository(Repository repository) {
            assertSame(held, repository);
            releases++;
        }

        @Override
        public TensorSource tensorSource() {
            return (argument, workingDir) -> variables.containsKey(argument)
                    ? variables.get(argument)
                    : FileTensorSource.INSTANCE.resolve(argument, workingDir);
        }

        @Override
        public Progress progress() {
            return new Progress() {
                @Override
                public void start(long total, String label) {
                    events.add("start " + total + " " + label);
                }

                @Override
                public void advance(long amount) {
                    events.add("advance " + amount);
                }

                @Override
                public void done() {
                    events.add("done");
                }
            };
        }
    }

    @Test
    void variablesAndFilesStageThroughTheHostsRepositoryAndRecordsComeBack() {
        Tensor w = Tensor.randn(1, 6, 4);
        Tensor w2 = w.times(2);
        NotebookHost host = new NotebookHost(Map.of("model", Map.of("fc.weight", w), "tuned", Map.of("fc.weight", w2)));
        TensorFiles.write(dir.resolve("extra.npz"), Map.of("emb", Tensor.randn(2, 3, 3)));

        assertInstanceOf(InitResult.class, CoralCommands.run(dir, "init", host));
        AddResult added = (AddResult) CoralCommands.run(dir, "add model extra.npz", host);
        assertEquals(List.of("model", "extra.npz"), added.sources());
        assertEquals(List.of("start 2 reading", "advance 1", "advance 1", "done", "start 0 storing 2 tensors", "done"),
                host.events);
        CommitResult c = (CommitResult) CoralCommands.run(dir, List.of("commit", "-m", "from a notebook", "--metric", "acc=0.7"), host);
        assertEquals(List.of("emb", "fc.weight"), c.added());
        assertEquals(0.7, c.commit().metrics().get("acc"));

        CoralCommands.run(dir, "add tuned", host);
        CoralCommands.run(dir, "commit -m 'second try'", host);
        DiffResult d = (DiffResult) CoralCommands.run(dir, "diff HEAD~1", host);
        assertEquals(1, d.modified().size());
        assertEquals(1.0, d.modified().get(0).comparison().cosine(), 1e-9);
        assertEquals(w2, host.held.read("HEAD", "fc.weight"));

        LogResult log = (LogResult) CoralCommands.run(dir, "log", host);
        assertEquals("second try", log.entries().get(0).commit().message());
        StatusResult status = host.held.status();
        assertTrue(status.isClean());
        assertEquals(7, host.releases, "each command hands the repository back, and the host keeps it open");
        host.held.close();
    }

    @Test
    void failuresThrowTheEngineExceptionAndPrintNothing() {
        NotebookHost host = new NotebookHost(new java.util.HashMap<>());
        CoralCommands.run(dir, "init", host);
        var unknown = assertThrows(dev.coral.core.error.NotFoundException.class,
                () -> CoralCommands.run(dir, "show nope", host));
        assertTrue(unknown.getMessage().contains("nope"));
        assertThrows(UsageException.class, () -> CoralCommands.run(dir, "log --frob", host));
        var notAVariable = assertThrows(dev.coral.core.error.NotFoundException.class,
                () -> CoralCommands.run(dir, "add model", host));
        assertTrue(notAVariable.getMessage().contains("model"), notAVariable.getMessage());
        Map<String, Tensor> withNull = new java.util.HashMap<>();
        withNull.put("w", null);
        host.variables.put("broken", withNull);
        var nullTensor = assertThrows(dev.coral.core.error.InvalidInputException.class,
                () -> CoralCommands.run(dir, "add broken", host));
        assertEquals("broken: tensor 'w' is null", nullTensor.getMessage());
        assertTrue(host.held.status().isClean());
        host.held.close();
    }
}
