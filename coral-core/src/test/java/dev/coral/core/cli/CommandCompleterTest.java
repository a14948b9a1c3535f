package dev.coral.core.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandCompleterTest {
    private final List<String> asked = new ArrayList<>();

    /** Answers every kind with "KIND:prefix", so a test sees which kind was asked for which prefix. */
    private final CommandCompleter.Values values = (kind, prefix) -> {
        asked.add(kind + ":" + prefix);
        return List.of(kind.name().toLowerCase() + "-" + prefix);
    };

    private CommandCompleter.Completion complete(String lineWithCursor) {
        int cursor = lineWithCursor.indexOf('|');
        return CommandCompleter.complete(lineWithCursor.replace("|", ""), cursor, values);
    }

    @Test
    void verbsAndGlobalOptions() {
        assertEquals(new CommandCompleter.Completion(0, List.of("status", "show", "stats")), complete("s|"));
        assertEquals(List.of("commit", "checkout", "config"), complete("c|").candidates());
        assertEquals(List.of("--json"), complete("--j|").candidates());
        assertEquals(CoralCommands.syntax().size(), complete("|").candidates().size());
        assertEquals(List.of("directory-"), complete("-C |").candidates());
        assertEquals(List.of("status", "stats"), complete("-C dir --json stat|").candidates());
    }

    @Test
    void argumentsByKind() {
        assertEquals(new CommandCompleter.Completion(5, List.of("ref-ma")), complete("diff ma|"));
        assertEquals(List.of("ref-"), complete("diff main |").candidates());
        assertEquals(List.of(), complete("diff main dev |").candidates());
        assertEquals(List.of("ref_or_tensor-HEAD:fc"), complete("show HEAD:fc|").candidates());
        assertEquals(List.of("file-m"), complete("add a.npz b.npz m|").candidates());
        assertEquals(List.of("file-"), complete("add --prefix enc. |").candidates());
        assertEquals(List.of("tensor-fc"), complete("rm fc|").candidates());
        assertEquals(List.of("branch-"), complete("branch -d |").candidates());
        assertEquals(List.of("tag-v"), complete("tag v|").candidates());
        assertEquals(List.of("ref-"), complete("tag v1 |").candidates());
        assertEquals(List.of("ref-ex"), complete("log --first-parent -n 5 ex|").candidates());
    }

    @Test
    void optionsAndTheirValues() {
        assertEquals(List.of("--max-count"), complete("log --m|").candidates());
        assertEquals(List.of("-m", "--message", "--metric"), complete("commit -m x -|").candidates().stream()
                .filter(n -> n.startsWith("-m") || n.startsWith("--me")).toList());
        assertEquals(List.of("metric-acc"), complete("commit --metric acc|").candidates());
        assertEquals(new CommandCompleter.Completion(13, List.of("metric-lo")), complete("tag --metric=lo|"));
        assertEquals(List.of("number-"), complete("log -n |").candidates());
        assertEquals(List.of("text-"), complete("commit -m |").candidates());
    }

    @Test
    void subVerbs() {
        assertEquals(List.of("get"), complete("config g|").candidates());
        assertEquals(List.of("list", "get", "set", "unset"), complete("config |").candidates());
        assertEquals(List.of("config_key-dur"), complete("config set dur|").candidates());
        assertEquals(List.of("text-"), complete("config set durability |").candidates());
        assertEquals(List.of(), complete("config set durability full |").candidates());
    }
}
