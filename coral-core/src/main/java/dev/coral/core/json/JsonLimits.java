package dev.coral.core.json;

/**
 * Bounds applied while parsing untrusted JSON, checked before the parser allocates for a value.
 *
 * <pre>{@code
 * Json.parse(header, new JsonLimits(64, 100_000_000));
 * }</pre>
 *
 * @param maxDepth  deepest nesting of arrays and objects allowed (the top-level value is depth 1)
 * @param maxLength longest input text allowed, in chars
 */
public record JsonLimits(int maxDepth, int maxLength) {

    /** 512 levels, 100 million chars: generous for any header or configuration Coral reads. */
    public static final JsonLimits DEFAULT = new JsonLimits(512, 100_000_000);

    public JsonLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
        }
    }
}
