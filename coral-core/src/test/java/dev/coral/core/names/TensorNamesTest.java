package dev.coral.core.names;

import dev.coral.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fc1.weight", "encoder.layers.0.attn/q_proj:0", "model/dense/kernel:0", "a..b", ".hidden",
            "w[0]", "名前", "a b", "x.lock", "-x"})
    void acceptsModelFileNames(String name) {
        assertDoesNotThrow(() -> TensorNames.check(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../", "a/../b", "../a", "a/..", "..", ".", "a/./b"})
    void refusesDotPathComponents(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorNames.check(name));
        assertTrue(e.getMessage().contains("path component"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a", "a/", "a//b", "/"})
    void refusesEmptyComponents(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorNames.check(name));
        assertTrue(e.getMessage().contains("empty path component"), e.getMessage());
    }

    @Test
    void refusesNulAndControlCharacters() {
        for (String name : new String[] {"a\u0000b", "\u0000", "a\nb", "a\u007f"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorNames.check(name));
            assertTrue(e.getMessage().contains("control character"), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c == 0x7f), "message must be printable");
        }
    }

    @Test
    void refusesEmptyAndOverlongNames() {
        assertThrows(InvalidInputException.class, () -> TensorNames.check(""));
        assertThrows(InvalidInputException.class, () -> TensorNames.check(null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorNames.check("n".repeat(10_240)));
        assertTrue(e.getMessage().contains("10240 characters long"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the message abbreviates the name");
        assertDoesNotThrow(() -> TensorNames.check("n".repeat(TensorNames.MAX_LENGTH)));
    }
}
