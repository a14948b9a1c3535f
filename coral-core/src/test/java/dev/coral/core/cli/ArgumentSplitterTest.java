package dev.coral.core.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgumentSplitterTest {

    @Test
    void splitsLikeAShellForPlainWordsAndQuotes() {
        assertEquals(List.of("commit", "-m", "first try", "--metric", "acc=0.9"),
                ArgumentSplitter.split("commit -m \"first try\"  --metric acc=0.9"));
        assertEquals(List.of("a b", "it's", "x\"y", "$HOME", ""),
                ArgumentSplitter.split("'a b' it\\'s \"x\\\"y\" '$HOME' ''"));
        assertEquals(List.of("ab"), ArgumentSplitter.split("a'b'"));
        assertEquals(List.of("c:\\d"), ArgumentSplitter.split("\"c:\\d\""));
        assertEquals(List.of(), ArgumentSplitter.split("   \t "));
    }

    @Test
    void refusesUnclosedQuotesAndATrailingBackslash() {
        assertThrows(UsageException.class, () -> ArgumentSplitter.split("commit -m 'oops"));
        assertThrows(UsageException.class, () -> ArgumentSplitter.split("commit -m \"oops"));
        assertThrows(UsageException.class, () -> ArgumentSplitter.split("commit \\"));
    }
}
