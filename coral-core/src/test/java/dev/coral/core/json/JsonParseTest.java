package dev.coral.core.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParseTest {

    @Test
    void valuesAndTypes() {
        Map<?, ?> map = (Map<?, ?>) Json.parse(
                " {\"s\":\"a\\u00e9\\ud83d\\ude00\\n\",\"i\":-12,\"big\":12345678901234567890,\"d\":2.5e-3,"
                        + "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}]}\r\n");
        assertEquals("aé😀\n", map.get("s"));
        assertEquals(-12L, map.get("i"));
        assertEquals(new BigInteger("12345678901234567890"), map.get("big"));
        assertEquals(2.5e-3, map.get("d"));
        assertEquals(true, map.get("t"));
        assertEquals(false, map.get("f"));
        assertTrue(map.containsKey("n"));
        assertNull(map.get("n"));
        assertEquals(List.of(1L, List.of(), Map.of()), map.get("a"));
        assertEquals(List.of("s", "i", "big", "d", "t", "f", "n", "a"), List.copyOf(map.keySet()));
    }

    @Test
    void longRangeEdges() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(-0.0, Json.parse("-0.0"));
        assertEquals(0L, Json.parse("-0"));
    }

    @Test
    void roundTripOfWrittenText() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "layer.0/weight \"q\"\t");
        map.put("shape", List.of(3L, 4L));
        map.put("nested", Map.of("x", List.of(1.25, "y", false)));
        assertEquals(map, Json.parse(Json.write(map)));
        assertEquals(map, Json.parse(Json.writePretty(map)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "+1", "NaN",
            "Infinity", "'a'", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\t\"", "tru",
            "nul", "[1 2]", "{\"a\" 1}", "{a:1}", "1 2", "// c\n1", "/* c */1", "{\"a\":1,\"a\":2}", "1e400",
            "[1]x", "\u00a01"})
    void refusesNonStrictJson(String text) {
        assertThrows(JsonParseException.class, () -> Json.parse(text), () -> "accepted: " + text);
    }

    @Test
    void errorNamesThePosition() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("{\n  \"a\": [1, 2,]\n}"));
        assertEquals(2, e.line());
        assertEquals(14, e.column());
        assertEquals(15, e.offset());
        assertTrue(e.getMessage().contains("line 2, column 14"), e.getMessage());
        assertTrue(e.getMessage().contains("']'"), e.getMessage());
    }

    @Test
    void duplicateKeyIsNamed() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("{\"w\":1,\"w\":2}"));
        assertTrue(e.getMessage().contains("duplicate key \"w\""), e.getMessage());
        assertEquals(7, e.offset());
    }

    @Test
    void depthLimit() {
        String ok = "[".repeat(10) + "]".repeat(10);
        assertEquals(1, ((List<?>) Json.parse(ok, new JsonLimits(10, 100))).size());
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> Json.parse("[" + ok + "]", new JsonLimits(10, 100)));
        assertTrue(e.getMessage().contains("deeper than 10"), e.getMessage());
        // The default limit stops hostile nesting long before the stack would overflow.
        assertThrows(JsonParseException.class, () -> Json.parse("[".repeat(100_000)));
    }

    @Test
    void lengthLimit() {
        char[] spaces = new char[101];
        Arrays.fill(spaces, ' ');
        spaces[0] = '1';
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> Json.parse(new String(spaces), new JsonLimits(5, 100)));
        assertTrue(e.getMessage().contains("101 chars"), e.getMessage());
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        Map<?, ?> map = (Map<?, ?>) Json.parse("{\"a\":[1]}");
        assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) map.get("a")).clear());
    }
}
