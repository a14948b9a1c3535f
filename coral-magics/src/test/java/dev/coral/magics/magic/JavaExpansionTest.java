package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.MagicArgs;

class JavaExpansionTest {
    private final Map<String, Object> values = Map.of("dir", "/tmp/my models", "epoch", 3, "\"{\" + 1", "{1",
            "quote", "say \"hi\"");

    /** The words the magic sees after expansion and splitting. */
    private List<String> words(String line) {
        return MagicArgs.parse(JavaExpansion.expand(line, expression -> {
            if (!values.containsKey(expression)) {
                throw new IllegalArgumentException("cannot find symbol " + expression);
            }
            return values.get(expression);
        })).tokens();
    }

    @Test
    void aValueStaysOneWordWhereverItIs() {
        assertEquals(List.of("init", "/tmp/my models"), words("init {dir}"));
        assertEquals(List.of("-m", "epoch 3 done"), words("-m \"epoch {epoch} done\""));
        assertEquals(List.of("--message=say \"hi\""), words("--message={quote}"));
        assertEquals(List.of("-m", "say \"hi\"!"), words("-m \"{quote}!\""));
    }

    @Test
    void doubledBracesAndSingleQuotesAreLiteralAndUnmatchedBracesStay() {
        assertEquals(List.of("{dir}", "a{b", "{epoch}"), words("{{dir}} a{b '{epoch}'"));
        assertEquals(List.of("{1"), words("{\"{\" + 1}"));
    }

    @Test
    void anExpressionThatFailsIsAOneLineError() {
        CoralMagicException e = assertThrows(CoralMagicException.class, () -> words("{nope}"));
        assertTrue(e.getMessage().startsWith("cannot evaluate {nope}: cannot find symbol nope"), e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }
}
