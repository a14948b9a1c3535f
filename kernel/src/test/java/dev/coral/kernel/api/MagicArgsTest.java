package dev.coral.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MagicArgsTest {

    @Test
    void splitsLikeAShell() {
        MagicArgs args = MagicArgs.parse("commit -m \"first weights\" --author='Ann Lee' a\\ b \"say \\\"hi\\\"\"");
        assertEquals(List.of("commit", "-m", "first weights", "--author=Ann Lee", "a b", "say \"hi\""), args.tokens());
        assertEquals(6, args.toArray().length);
    }

    @Test
    void emptyArgumentsHaveNoTokens() {
        assertEquals(List.of(), MagicArgs.parse("   ").tokens());
        assertEquals("", MagicArgs.parse(null).line());
    }

    @Test
    void unclosedQuoteIsAnError() {
        MagicArgsException e = assertThrows(MagicArgsException.class, () -> MagicArgs.parse("-m \"oops"));
        assertTrue(e.getMessage().contains("unclosed"), e.getMessage());
    }

    @Test
    void readsGitStyleOptions() {
        MagicOptions o = MagicArgs.parse("commit -m \"a message\" --author=ann --amend -vq --tag v1 model.bin")
                .options("m", "message", "tag");
        assertEquals(Optional.of("a message"), o.value("m", "message"));
        assertEquals(Optional.of("ann"), o.value("author"));
        assertEquals(Optional.of("v1"), o.value("tag"));
        assertTrue(o.has("amend"));
        assertTrue(o.has("v") && o.has("q"));
        assertFalse(o.has("x"));
        assertEquals(List.of("commit", "model.bin"), o.positionals());
    }

    @Test
    void shortOptionValueMayBeAttachedAndRepeated() {
        MagicOptions o = MagicArgs.parse("-mfirst -m second -- -not-an-option").options("m");
        assertEquals(List.of("first", "second"), o.values("m"));
        assertEquals(Optional.of("second"), o.value("m"));
        assertEquals(List.of("-not-an-option"), o.positionals());
    }

    @Test
    void negativeNumbersArePositionals() {
        assertEquals(List.of("-3", "-0.5"), MagicArgs.parse("-3 -0.5").options().positionals());
    }

    @Test
    void optionWithoutItsValueIsAnError() {
        assertThrows(MagicArgsException.class, () -> MagicArgs.parse("commit -m").options("m"));
        assertThrows(MagicArgsException.class, () -> MagicArgs.parse("--message").options("message"));
    }
}
