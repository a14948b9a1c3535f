package dev.coral.core.format;

import dev.coral.core.tensor.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} array: versions 1.0, 2.0 and 3.0, little- or big-endian descrs, C or
 * Fortran order. Parsing failures are {@link IllegalArgumentException}s describing the problem; the
 * reader adds the file and tensor.
 *
 * @param dtype        element type
 * @param shape        dimensions ({@code []} for a scalar)
 * @param fortranOrder true when the data is stored column-major
 * @param bigEndian    true when multi-byte elements are stored big-endian
 * @param dataOffset   offset of the first data byte from the start of the array
 */
record NpyHeader(DType dtype, long[] shape, boolean fortranOrder, boolean bigEndian, int dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Longest header accepted when reading (numpy itself writes a few hundred bytes). */
    static final int MAX_HEADER_LENGTH = 1 << 20;
    /** Highest rank accepted (numpy 2 allows 64). */
    static final int MAX_RANK = 64;
    /** Bytes needed to know the header length: magic, version, and a 4-byte length for v2/v3. */
    static final int PREFIX_LENGTH = 12;
    private static final int ALIGNMENT = 64;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /**
     * Offset of the first data byte, read from the start of an array. {@code start} must hold at
     * least {@link #PREFIX_LENGTH} bytes or the whole array if it is shorter.
     */
    static int dataOffset(ByteBuffer start) {
        ByteBuffer b = start.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length && b.hasRemaining(); i++) {
            if (b.get() != MAGIC[i]) {
                throw new IllegalArgumentException("not a .npy array (the magic string \\x93NUMPY is missing)");
            }
        }
        if (start.remaining() < 10) {
            throw new IllegalArgumentException("truncated: " + start.remaining() + " bytes, too short for a .npy header");
        }
        int major = b.get() & 0xff;
        int minor = b.get() & 0xff;
        long headerLength;
        int prefix;
        if (major == 1) {
            headerLength = b.getShort() & 0xffff;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            if (b.remaining() < 4) {
                throw new IllegalArgumentException("truncated: too short for a version " + major + " .npy header");
            }
            headerLength = b.getInt() & 0xffffffffL;
            prefix = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy format version " + major + "." + minor);
        }
        if (minor != 0) {
            throw new IllegalArgumentException("unsupported .npy format version " + major + "." + minor);
        }
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header length " + headerLength + " exceeds the limit of "
                    + MAX_HEADER_LENGTH + " bytes");
        }
        return prefix + (int) headerLength;
    }

    /** Parses the header at the start of {@code start}, which must hold at least {@link #dataOffset} bytes. */
    static NpyHeader parse(ByteBuffer start) {
        int dataOffset = dataOffset(start);
        if (start.remaining() < dataOffset) {
            throw new IllegalArgumentException("truncated: the header needs " + dataOffset + " bytes, only "
                    + start.remaining() + " exist");
        }
        int major = start.get(start.position() + 6) & 0xff;
        int prefix = major == 1 ? 10 : 12;
        ByteBuffer headerBytes = start.duplicate().position(start.position() + prefix)
                .limit(start.position() + dataOffset);
        String text = decode(headerBytes, major);
        Object literal = PythonLiteral.parse(text);
        if (!(literal instanceof Map<?, ?> dict) || !dict.keySet().equals(KEYS)) {
            throw new IllegalArgumentException("header is not a dict with exactly the keys descr, fortran_order, shape: "
                    + abbreviate(text));
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new IllegalArgumentException("structured dtype " + abbreviate(String.valueOf(dict.get("descr")))
                    + " is not supported; only plain numeric and bool arrays are");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException("fortran_order is not True or False");
        }
        long[] shape = shape(dict.get("shape"));
        boolean bigEndian = descr.startsWith(">");
        return new NpyHeader(dtypeOf(descr), shape, fortran, bigEndian, dataOffset);
    }

    private static String decode(ByteBuffer headerBytes, int major) {
        CharsetDecoder decoder = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(headerBytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("header is not valid UTF-8");
        }
    }

    private static long[] shape(Object value) {
        if (!(value instanceof List<?> dims)) {
            throw new IllegalArgumentException("shape is not a tuple of integers: " + value);
        }
        if (dims.size() > MAX_RANK) {
            throw new IllegalArgumentException("rank " + dims.size() + " exceeds the limit of " + MAX_RANK);
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw new IllegalArgumentException("shape " + dims + " has an invalid dimension " + dims.get(i));
            }
            shape[i] = d;
        }
        return shape;
    }

    private static DType dtypeOf(String descr) {
        if (descr.length() >= 2 && "<>|".indexOf(descr.charAt(0)) >= 0) {
            String code = descr.substring(1);
            for (DType d : DType.values()) {
                if (d.numpyDescr() != null && d.numpyDescr().substring(1).equals(code)
                        && (d.itemSize() == 1 || descr.charAt(0) != '|')) {
                    return d;
                }
            }
        }
        if (descr.matches("[<>|]V2")) {
            throw new IllegalArgumentException("dtype '" + descr + "' (raw 2-byte void, as bfloat16 is sometimes saved)"
                    + " is ambiguous; save bfloat16 tensors as .safetensors");
        }
        throw new IllegalArgumentException("unsupported dtype '" + abbreviate(descr) + "'; supported are "
                + "<f8, <f4, <f2, <i8, <i4, <i2, |i1, |u1, |b1 and their big-endian forms");
    }

    /** The bytes of a version 1.0 header (2.0 if it does not fit), padded so data starts 64-byte aligned. */
    static byte[] format(DType dtype, long[] shape) {
        if (dtype.numpyDescr() == null) {
            throw new IllegalArgumentException("numpy has no " + dtype + " dtype; save " + dtype
                    + " tensors as .safetensors (or convert with tensor.to(DType.FLOAT32), which is exact)");
        }
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + dtype.numpyDescr() + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int prefix = dict.length() + 1 > 0xffff - ALIGNMENT ? 12 : 10;
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer out = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
        int headerLength = padded - prefix;
        if (prefix == 10) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (out.remaining() > 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
