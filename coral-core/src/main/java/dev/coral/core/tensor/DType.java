package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;

import java.util.Locale;

/**
 * Element types Coral stores. Every dtype is kept as raw little-endian bits: nothing is ever widened
 * or rounded on the way through the engine.
 *
 * <pre>{@code
 * DType t = DType.parse("float16");   // also accepts "f16", "F16", "<f2"
 * t.itemSize();                       // 2
 * }</pre>
 */
public enum DType {
    FLOAT64("float64", 8, true, "<f8", "F64"),
    FLOAT32("float32", 4, true, "<f4", "F32"),
    FLOAT16("float16", 2, true, "<f2", "F16"),
    BFLOAT16("bfloat16", 2, true, null, "BF16"),
    INT64("int64", 8, false, "<i8", "I64"),
    INT32("int32", 4, false, "<i4", "I32"),
    INT16("int16", 2, false, "<i2", "I16"),
    INT8("int8", 1, false, "|i1", "I8"),
    UINT8("uint8", 1, false, "|u1", "U8"),
    BOOL("bool", 1, false, "|b1", "BOOL");

    private final String label;
    private final int itemSize;
    private final boolean floating;
    private final String numpyDescr;
    private final String safetensorsName;

    DType(String label, int itemSize, boolean floating, String numpyDescr, String safetensorsName) {
        this.label = label;
        this.itemSize = itemSize;
        this.floating = floating;
        this.numpyDescr = numpyDescr;
        this.safetensorsName = safetensorsName;
    }

    /** Lower-case name as numpy and PyTorch spell it, e.g. {@code "bfloat16"}. */
    public String label() {
        return label;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** True for float64, float32, float16 and bfloat16. */
    public boolean isFloating() {
        return floating;
    }

    /** The little-endian numpy descr ({@code "<f4"}), or null for bfloat16 which numpy lacks. */
    public String numpyDescr() {
        return numpyDescr;
    }

    /** The dtype string of the safetensors header ({@code "F32"}). */
    public String safetensorsName() {
        return safetensorsName;
    }

    /**
     * Parses a dtype by its label ({@code float32}), short name ({@code f32}), safetensors name
     * ({@code F32}) or numpy descr ({@code <f4}).
     *
     * @throws InvalidInputException naming the accepted dtypes when {@code text} is none of them
     */
    public static DType parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (DType d : values()) {
                if (d.label.equalsIgnoreCase(t) || d.safetensorsName.equalsIgnoreCase(t)
                        || t.equals(d.numpyDescr) || d.shortName().equalsIgnoreCase(t)) {
                    return d;
                }
            }
        }
        throw new InvalidInputException("unknown dtype '" + text + "'; expected one of "
                + "float64, float32, float16, bfloat16, int64, int32, int16, int8, uint8, bool");
    }

    private String shortName() {
        return switch (this) {
            case BOOL -> "b1";
            case BFLOAT16 -> "bf16";
            default -> label.charAt(0) + label.replaceAll("[a-z]", "");
        };
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
