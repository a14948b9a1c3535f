package dev.coral.core.json;

import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonWriteTest {

    enum Status { ADDED, REMOVED }

    record Inner(String name, long[] shape) {}

    record Outer(int n, Inner inner, List<Inner> list, Status status, Optional<String> missing) {}

    @Test
    void scalars() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("42", Json.write(42));
        assertEquals("-9223372036854775808", Json.write(Long.MIN_VALUE));
        assertEquals("123456789012345678901234567890", Json.write(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.5", Json.write(1.5));
        assertEquals("-0.0", Json.write(-0.0));
        assertEquals("0.1", Json.write(0.1f));
        assertEquals("\"x\"", Json.write('x'));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,null,null,null]",
                Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)));
    }

    @Test
    void doublesReadBackExactly() {
        double[] values = {Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 123456.789e200, 1.0 / 3};
        for (double v : values) {
            assertEquals(v, (Double) Json.parse(Json.write(v)));
        }
    }

    @Test
    void stringEscapes() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028é😀\"", Json.write("a\"b\\c\n\t\u0001\u2028é😀"));
        assertEquals("\"\\ud800x\"", Json.write("\ud800x"));
        assertEquals("\"/\"", Json.write("/"));
    }

    @Test
    void mapKeepsInsertionOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of());
        map.put("m", Map.of());
        assertEquals("{\"z\":1,\"a\":[],\"m\":{}}", Json.write(map));
    }

    @Test
    void recordsRecursively() {
        Inner inner = new Inner("w", new long[] {2, 3});
        Outer outer = new Outer(1, inner, List.of(inner), Status.ADDED, Optional.empty());
        assertEquals("{\"n\":1,\"inner\":{\"name\":\"w\",\"shape\":[2,3]},"
                + "\"list\":[{\"name\":\"w\",\"shape\":[2,3]}],\"status\":\"ADDED\",\"missing\":null}",
                Json.write(outer));
    }

    @Test
    void stringLikeValues() {
        ObjectId id = ObjectId.fromBytes(new byte[32]);
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertEquals("[\"float32\",\"bfloat16\"]", Json.write(List.of(DType.FLOAT32, DType.BFLOAT16)));
        assertEquals("[\"" + "0".repeat(64) + "\",\"2026-01-02T03:04:05Z\",\"a/b\",5,null]",
                Json.write(List.of(id, t, Path.of("a/b"), OptionalLong.of(5), OptionalLong.empty())));
        Map<Object, Integer> keys = new LinkedHashMap<>();
        keys.put(Status.ADDED, 1);
        keys.put(7, 2);
        assertEquals("{\"ADDED\":1,\"7\":2}", Json.write(keys));
    }

    @Test
    void pretty() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("shape", new long[] {2, 3});
        map.put("items", List.of(Map.of("a", 1)));
        map.put("empty", List.of());
        assertEquals("{\n  \"shape\": [2, 3],\n  \"items\": [\n    {\n      \"a\": 1\n    }\n  ],\n  \"empty\": []\n}",
                Json.writePretty(map));
    }

    @Test
    void unsupportedTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void cycleIsRefused() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(list));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void sameValueTwiceIsNotACycle() {
        List<Integer> shared = List.of(1);
        assertEquals("[[1],[1]]", Json.write(List.of(shared, shared)));
    }

    @Test
    void nullKeyIsRefused() {
        Map<String, Integer> map = new java.util.HashMap<>();
        map.put(null, 1);
        assertThrows(IllegalArgumentException.class, () -> Json.write(map));
    }
}
