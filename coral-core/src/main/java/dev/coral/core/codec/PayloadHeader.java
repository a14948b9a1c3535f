package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Shape;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The self-describing header at the start of every stored tensor payload. Layout (version 1, all
 * integers little-endian):
 * <pre>
 *   magic "CORL" u32 | version u8 = 1 | codec u8 | dtype u8 | element size u8 | rank u32 | dims u64... |
 *   CRC32C of the decoded bytes u32 | [deltas only: base id 32 bytes | chain depth u16] |
 *   CRC32C of all the header bytes before it u32
 * </pre>
 * The codec and dtype bytes are the {@link Codec} and {@link DType} ordinals, so neither enum may be
 * reordered. Reading a header validates every field, so a damaged payload fails here with a message naming the
 * field rather than later with an index error.
 *
 * <pre>{@code
 * PayloadHeader h = TensorCodec.readHeader(payload);
 * if (h.codec() == Codec.XOR_DELTA) { ObjectId base = h.baseId(); }
 * }</pre>
 *
 * @param codec    encoding of the body
 * @param dtype    element type of the tensor
 * @param shape    the tensor's shape (do not modify)
 * @param checksum CRC32C of the decoded tensor bytes
 * @param baseId   the delta base, null unless {@code codec.isDelta()}
 * @param depth    delta chain depth (0 unless a delta)
 */
public record PayloadHeader(Codec codec, DType dtype, long[] shape, int checksum, ObjectId baseId, int depth) {
    static final int MAGIC = 0x4c524f43; // "CORL"
    static final int VERSION = 1;
    /** Deepest chain the u16 depth field can describe. */
    static final int MAX_DEPTH = 0xffff;

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Bytes of the decoded tensor. */
    public long byteSize() {
        return Shape.byteSize(dtype, shape);
    }

    /** Bytes this header occupies at the start of the payload. */
    public int length() {
        return 4 + 4 + 4 + 8 * shape.length + 4 + (codec.isDelta() ? ObjectId.LENGTH + 2 : 0) + 4;
    }

    void writeTo(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        int start = out.position();
        out.putInt(MAGIC).put((byte) VERSION).put((byte) codec.ordinal()).put((byte) dtype.ordinal())
                .put((byte) dtype.itemSize()).putInt(shape.length);
        for (long d : shape) {
            out.putLong(d);
        }
        out.putInt(checksum);
        if (codec.isDelta()) {
            out.put(baseId.toBytes()).putShort((short) depth);
        }
        out.putInt(crc(out, start, out.position()));
    }

    private static int crc(ByteBuffer buffer, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }

    /**
     * Reads and validates the header at the payload's position, leaving {@code in} positioned at the body.
     *
     * @throws CorruptObjectException naming the first field that is wrong
     */
    static PayloadHeader read(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        try {
            if (in.getInt() != MAGIC) {
                throw new CorruptObjectException("stored tensor payload does not start with the CORL magic");
            }
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new CorruptObjectException("stored tensor payload has unknown format version " + version);
            }
            Codec codec = pick(Codec.values(), in.get() & 0xff, "codec");
            DType dtype = pick(DType.values(), in.get() & 0xff, "dtype");
            int elementSize = in.get() & 0xff;
            if (elementSize != dtype.itemSize()) {
                throw new CorruptObjectException("stored tensor header says element size " + elementSize
                        + " for dtype " + dtype + " (expected " + dtype.itemSize() + ")");
            }
            int rank = in.getInt();
            if (rank < 0 || rank > in.remaining() / 8) {
                throw new CorruptObjectException("stored tensor header has an impossible rank " + rank);
            }
            long[] shape = new long[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = in.getLong();
            }
            checkShape(dtype, shape);
            int checksum = in.getInt();
            ObjectId baseId = null;
            int depth = 0;
            if (codec.isDelta()) {
                byte[] id = new byte[ObjectId.LENGTH];
                in.get(id);
                baseId = ObjectId.fromBytes(id);
                depth = in.getShort() & 0xffff;
                if (depth < 1) {
                    throw new CorruptObjectException("stored delta has chain depth 0");
                }
            }
            int end = in.position();
            if (in.getInt() != crc(in, start, end)) {
                throw new CorruptObjectException("stored tensor header fails its checksum");
            }
            return new PayloadHeader(codec, dtype, shape, checksum, baseId, depth);
        } catch (BufferUnderflowException e) {
            throw new CorruptObjectException("stored tensor payload is truncated inside its header");
        }
    }

    private static void checkShape(DType dtype, long[] shape) {
        try {
            Shape.byteSize(dtype, shape);
        } catch (InvalidInputException e) {
            throw new CorruptObjectException("stored tensor header has an invalid shape: " + e.getMessage());
        }
    }

    private static <T> T pick(T[] values, int ordinal, String what) {
        if (ordinal >= values.length) {
            throw new CorruptObjectException("stored tensor header names unknown " + what + " #" + ordinal);
        }
        return values[ordinal];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayloadHeader h && h.codec == codec && h.dtype == dtype && Arrays.equals(h.shape, shape)
                && h.checksum == checksum && Objects.equals(h.baseId, baseId) && h.depth == depth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, dtype, Arrays.hashCode(shape), checksum, baseId, depth);
    }

    @Override
    public String toString() {
        return "PayloadHeader[" + codec + " " + dtype + Shape.format(shape)
                + (baseId == null ? "" : " base " + baseId.shortHex() + " depth " + depth) + "]";
    }
}
