package dev.coral.core.json;

/**
 * Strict JSON without dependencies: writes Java values and records, parses text into plain collections.
 *
 * <pre>{@code
 * record Stats(long commits, long tensors) {}
 * Json.write(new Stats(3, 10));            // {"commits":3,"tensors":10}
 * Json.writePretty(Map.of("a", List.of(1, 2)));
 * Map<?, ?> header = (Map<?, ?>) Json.parse("{\"x\": [1, 2.5, null]}");
 * }</pre>
 *
 * <h2>Writing: Java → JSON</h2>
 * <ul>
 *   <li>{@code null} → {@code null}; {@code Boolean} → {@code true}/{@code false}</li>
 *   <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code BigDecimal},
 *       atomic longs/ints and {@code LongAdder} → the exact number</li>
 *   <li>{@code Double}, {@code Float} → the shortest text that reads back to the same value
 *       ({@code -0.0} stays {@code -0.0}); <b>NaN and ±Infinity → {@code null}</b>, since JSON has no
 *       literal for them</li>
 *   <li>{@code CharSequence}, {@code Character}, {@code ObjectId} (64 hex digits), {@code java.time} values
 *       such as {@code Instant} (ISO-8601), {@code Path}, {@code URI}, {@code UUID} → a string of their
 *       {@code toString()}; enums → a string of their {@code toString()} (their name unless they override it:
 *       {@code DType.FLOAT32} → {@code "float32"})</li>
 *   <li>{@code Optional}, {@code OptionalLong}, {@code OptionalInt}, {@code OptionalDouble} → the value, or
 *       {@code null} when empty</li>
 *   <li>{@code Map} → an object in the map's iteration order (a {@code LinkedHashMap} keeps insertion
 *       order); keys are written as strings by the rules above (numbers and booleans by {@code toString()});
 *       a {@code null} key is refused</li>
 *   <li>records → an object of their components, by name, in declaration order, recursively</li>
 *   <li>{@code Iterable} and arrays ({@code long[]}, {@code Object[]}, …, except {@code char[]}) → an array</li>
 *   <li>anything else, and a container that contains itself, → {@code IllegalArgumentException}</li>
 * </ul>
 * Strings are escaped as RFC 8259 requires; U+2028, U+2029 and unpaired surrogates are written as
 * {@code \}{@code uXXXX} escapes. Compact output has no whitespace; pretty output indents by two spaces and
 * keeps arrays of scalars on one line.
 *
 * <h2>Parsing: JSON → Java</h2>
 * object → unmodifiable {@code Map<String, Object>} in document order; array → unmodifiable
 * {@code List<Object>}; string → {@code String}; integer → {@code Long}, or {@code BigInteger} beyond
 * the long range; number with a fraction or exponent → {@code Double} (beyond the double range: refused);
 * {@code true}/{@code false} → {@code Boolean}; {@code null} → {@code null}.
 * The parser is strict: comments, trailing commas, leading zeros, {@code NaN}, raw control chars in
 * strings, unpaired surrogate escapes, duplicate keys and trailing content are refused with a
 * {@link JsonParseException} (an {@code InvalidInputException}) naming line, column and offset.
 */
public final class Json {
    private Json() {
    }

    /** Compact JSON text of {@code value}, mapped as described on this class. */
    public static String write(Object value) {
        return JsonWriter.write(value, false);
    }

    /** Indented JSON text of {@code value} (two spaces per level, no trailing newline). */
    public static String writePretty(Object value) {
        return JsonWriter.write(value, true);
    }

    /** Parses {@code text} with {@link JsonLimits#DEFAULT}. */
    public static Object parse(String text) {
        return parse(text, JsonLimits.DEFAULT);
    }

    /**
     * Parses {@code text} as one strict JSON value within {@code limits}.
     *
     * @throws JsonParseException if the text is not strict JSON or exceeds the limits
     */
    public static Object parse(String text, JsonLimits limits) {
        return JsonParser.parse(text, limits);
    }
}
