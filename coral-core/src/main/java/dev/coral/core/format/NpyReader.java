package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.tensor.Shape;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;

/**
 * Turns the bytes of one {@code .npy} array into a tensor. Big-endian data is byte-swapped and
 * Fortran-order data is transposed into C order, both bit-exactly (a copy); little-endian C-order data
 * is wrapped without copying.
 */
final class NpyReader {
    private NpyReader() {
    }

    /**
     * Reads the header of {@code array} and checks that exactly the bytes it declares follow.
     *
     * @param where names the file and tensor in messages, e.g. {@code "w.npz: tensor 'fc1'"}
     */
    static NpyHeader header(ByteBuffer array, String where) {
        NpyHeader header;
        try {
            header = NpyHeader.parse(array);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
        long expected = byteSize(header, where);
        return checkSize(header, expected, array.remaining() - (long) header.dataOffset(), where);
    }

    /** Byte size of the data the header declares, refusing overflowing or oversized shapes. */
    static long byteSize(NpyHeader header, String where) {
        try {
            return Shape.byteSize(header.dtype(), header.shape());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }

    /** Checks that the data after the header is exactly {@code expected} bytes. */
    static NpyHeader checkSize(NpyHeader header, long expected, long actual, String where) {
        if (actual < expected) {
            throw new InvalidInputException(where + ": truncated: the header declares " + header.dtype()
                    + Shape.format(header.shape()) + " (" + expected + " bytes of data) but only " + actual + " follow");
        }
        if (actual > expected) {
            throw new InvalidInputException(where + ": the header declares " + header.dtype()
                    + Shape.format(header.shape()) + " (" + expected + " bytes of data) but " + actual
                    + " bytes follow; the header does not describe the data");
        }
        return header;
    }

    /** The tensor of a whole array (header and data) held in {@code array}. */
    static Tensor read(ByteBuffer array, String where) {
        NpyHeader header = header(array, where);
        ByteBuffer data = array.duplicate().position(array.position() + header.dataOffset()).slice();
        return tensor(header, data, where);
    }

    /** The tensor described by {@code header} over exactly its data bytes. */
    static Tensor tensor(NpyHeader header, ByteBuffer data, String where) {
        int itemSize = header.dtype().itemSize();
        ByteBuffer bytes = data;
        if (header.bigEndian() && itemSize > 1) {
            bytes = ElementLayout.swapBytes(bytes, itemSize);
        }
        if (header.fortranOrder() && header.shape().length > 1) {
            bytes = ElementLayout.fortranToC(bytes, header.shape(), itemSize);
        }
        try {
            return Tensor.wrap(header.dtype(), header.shape(), bytes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }
}
