package dev.coral.core.names;

import dev.coral.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** git check-ref-format rules, as {@code git check-ref-format --branch} applies them. */
class RefNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "exp/lr-3e-4", "v1.0", "feature/x_y", "a@b", "release/2024.01/rc1", "UPPER", "ü-ñ",
            "a.b.c", "x-", "_"})
    void acceptsWhatGitAccepts(String name) {
        assertDoesNotThrow(() -> RefNames.check(name, "branch"));
        assertTrue(RefNames.isValid(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a..b|contains '..'",
            "-x|starts with '-'",
            "x.lock|ending with '.lock'",
            "a.lock/b|ending with '.lock'",
            "a/.b|starting with '.'",
            ".a|starting with '.'",
            "@|reserved",
            "HEAD|reserved",
            "a b|contains ' '",
            "a~1|contains '~'",
            "a^2|contains '^'",
            "a:b|contains ':'",
            "a?|contains '?'",
            "a*|contains '*'",
            "a[b|contains '['",
            "a\\b|contains '\\'",
            "a@{1}|contains '@{'",
            "a.|ends with '.'",
            "a/|empty path component",
            "/a|empty path component",
            "a//b|empty path component"})
    void refusesWhatGitRefuses(String name, String problem) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RefNames.check(name, "branch"));
        assertTrue(e.getMessage().startsWith("branch name '"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(RefNames.isValid(name));
    }

    @Test
    void refusesControlCharacters() {
        for (String name : new String[] {"a\u0000b", "a\nb", "a\tb", "a\u007fb", "\u001b[31m"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> RefNames.check(name, "tag"));
            assertTrue(e.getMessage().contains("control character"), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c == 0x7f), "message must be printable");
        }
    }

    @Test
    void refusesEmptyAndOverlongNames() {
        assertTrue(assertThrows(InvalidInputException.class, () -> RefNames.check("", "tag")).getMessage().contains("empty"));
        assertThrows(InvalidInputException.class, () -> RefNames.check(null, "tag"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RefNames.check("b".repeat(10_000), "tag"));
        assertTrue(e.getMessage().contains("longer than " + RefNames.MAX_LENGTH), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the message abbreviates the name");
        assertDoesNotThrow(() -> RefNames.check("b".repeat(RefNames.MAX_LENGTH), "tag"));
    }
}
