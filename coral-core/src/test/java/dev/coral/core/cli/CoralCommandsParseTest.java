package dev.coral.core.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grammar alone: parsing, global options, help and usage errors, completion data. No repository. */
class CoralCommandsParseTest {

    @Test
    void globalOptionsWorkBeforeAndAfterTheVerb() {
        Invocation before = CoralCommands.parse(List.of("-C", "a", "--json", "status"));
        Invocation after = CoralCommands.parse(List.of("status", "-C", "b", "--progress"));
        assertTrue(before.json());
        assertFalse(before.progressRequested());
        assertEquals("status", before.verb());
        assertFalse(after.json());
        assertTrue(after.progressRequested());
    }

    @Test
    void repeatedDirectoriesAreAppliedInOrderAndMustExist(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("a/b"));
        Invocation inv = CoralCommands.parse(List.of("-C", "a", "status", "-C", "b"));
        assertEquals(tmp.resolve("a/b").toAbsolutePath().normalize(), inv.workingDir(tmp));
        Invocation missing = CoralCommands.parse(List.of("-C", "nope", "status"));
        var e = assertThrows(dev.coral.core.error.NotFoundException.class, () -> missing.workingDir(tmp));
        assertTrue(e.getMessage().contains("-C nope"), e.getMessage());
    }

    @Test
    void helpAndVersionReturnTextWithoutTouchingAnyRepository(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CommandEnvironment noRepository = new RefusingEnvironment();
        Object top = CoralCommands.run(tmp, List.of(), noRepository);
        assertTrue(((UsageText) top).text().contains("Commands:"));
        Object help = CoralCommands.run(tmp, List.of("commit", "--help"), noRepository);
        assertTrue(((UsageText) help).text().contains("--metric"));
        Object version = CoralCommands.run(tmp, List.of("--version"), noRepository);
        assertTrue(((UsageText) version).text().startsWith("coral "));
        Object nested = CoralCommands.run(tmp, List.of("config", "set", "-h"), noRepository);
        assertTrue(((UsageText) nested).text().contains("KEY VALUE"));
    }

    @Test
    void usageErrorsNameTheProblemInOneLine() {
        assertUsage(List.of("frob"), "'frob' is not a coral command");
        assertUsage(List.of("stat"), "did you mean");
        assertUsage(List.of("log", "--bogus"), "log: unknown option: '--bogus'");
        assertUsage(List.of("commit"), "commit: missing required option");
        assertUsage(List.of("log", "-n", "many"), "'many' is not an int");
        assertUsage(List.of("diff"), "diff: missing required parameter");
        assertUsage(List.of("export", "HEAD"), "export: missing required parameter");
        assertUsage(List.of("config", "set", "durability"), "config set: missing required parameter");
    }

    private static void assertUsage(List<String> args, String expected) {
        UsageException e = assertThrows(UsageException.class, () -> CoralCommands.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.isUserError());
    }

    @Test
    void syntaxListsEveryVerbWithItsOptionsAndParameterKinds() {
        Map<String, CommandSyntax> verbs = CoralCommands.syntax().stream()
                .collect(Collectors.toMap(CommandSyntax::name, v -> v));
        assertEquals(List.of("init", "add", "rm", "commit", "status", "log", "show", "checkout", "branch", "tag",
                "diff", "reflog", "export", "stats", "repack", "gc", "fsck", "config"),
                CoralCommands.syntax().stream().map(CommandSyntax::name).toList());
        CommandSyntax commit = verbs.get("commit");
        OptionSyntax message = commit.options().stream().filter(o -> o.names().contains("-m")).findFirst().orElseThrow();
        assertEquals(List.of("-m", "--message"), message.names());
        assertTrue(message.takesValue());
        OptionSyntax metric = commit.options().stream().filter(o -> o.names().contains("--metric")).findFirst().orElseThrow();
        assertEquals(ValueKind.METRIC, metric.valueKind());
        assertTrue(metric.repeatable());
        assertTrue(commit.options().stream().anyMatch(o -> o.names().contains("--json") && !o.takesValue()));
        assertEquals(List.of(ValueKind.REF, ValueKind.REF), verbs.get("diff").parameters().stream().map(ParameterSyntax::kind).toList());
        assertTrue(verbs.get("diff").parameters().get(1).optional());
        assertEquals(ValueKind.REF_OR_TENSOR, verbs.get("show").parameters().get(0).kind());
        ParameterSyntax files = verbs.get("add").parameters().get(0);
        assertEquals(ValueKind.FILE, files.kind());
        assertTrue(files.repeatable());
        assertEquals(ValueKind.TENSOR, verbs.get("rm").parameters().get(0).kind());
        assertEquals(ValueKind.BRANCH, verbs.get("branch").parameters().get(0).kind());
        assertEquals(ValueKind.TAG, verbs.get("tag").parameters().get(0).kind());
        assertEquals(List.of("list", "get", "set", "unset"),
                verbs.get("config").subcommands().stream().map(CommandSyntax::name).toList());
        assertEquals(ValueKind.CONFIG_KEY, verbs.get("config").subcommands().get(1).parameters().get(0).kind());
        assertTrue(CoralCommands.globalOptions().stream().anyMatch(o -> o.names().contains("-C")
                && o.valueKind() == ValueKind.DIRECTORY));
    }

    @Test
    void anArgumentStartingWithAtIsAnArgumentNotAFileOfArguments(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("args"), "--help");
        var e = assertThrows(dev.coral.core.error.NotFoundException.class,
                () -> CoralCommands.run(tmp, List.of("-C", "@args", "status"), new RefusingEnvironment()));
        assertTrue(e.getMessage().contains("@args"), e.getMessage());
    }

    @Test
    void usageOfAVerb() {
        assertTrue(CoralCommands.usage("tag").contains("--metric"));
        assertTrue(CoralCommands.usage("config get").contains("KEY"));
        assertTrue(CoralCommands.usage("").contains("Commands:"));
        assertThrows(UsageException.class, () -> CoralCommands.usage("frob"));
    }

    @Test
    void anInvocationRunsOnce(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Invocation inv = CoralCommands.parse(List.of("--help"));
        assertInstanceOf(UsageText.class, inv.execute(tmp, new RefusingEnvironment()));
        assertThrows(IllegalStateException.class, () -> inv.execute(tmp, new RefusingEnvironment()));
    }

    /** An environment that fails the test if a command asks it for anything. */
    private static final class RefusingEnvironment implements CommandEnvironment {
        @Override
        public dev.coral.core.repo.Repository openRepository(Path workingDir) {
            throw new AssertionError("no repository expected");
        }

        @Override
        public dev.coral.core.repo.Repository initRepository(Path directory) {
            throw new AssertionError("no repository expected");
        }

        @Override
        public void releaseRepository(dev.coral.core.repo.Repository repository) {
            throw new AssertionError("no repository expected");
        }

        @Override
        public TensorSource tensorSource() {
            throw new AssertionError("no tensors expected");
        }

        @Override
        public Progress progress() {
            return Progress.NONE;
        }
    }
}
