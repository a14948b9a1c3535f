package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.tensor.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor's chosen encoding, written, whose check that it decodes to the exact bytes has not run yet
 * (see {@link TensorCodec#encodeUnchecked}). The check may run on another thread than the one that made
 * it, beside work on the payload such as writing it to a file; nothing may record the payload before
 * {@link #decodesExactly} has accepted it.
 *
 * <pre>{@code
 * UncheckedEncoding u = codec.encodeUnchecked(tensor, candidates);
 * CompletableFuture<Boolean> exact = CompletableFuture.supplyAsync(u::decodesExactly);
 * writeToFile(u.payload());
 * EncodedTensor e = exact.join() ? u.encoded() : u.raw();   // what u.check() returns
 * }</pre>
 */
public final class UncheckedEncoding {
    private static final Logger LOG = LoggerFactory.getLogger(UncheckedEncoding.class);

    private final Tensor tensor;
    private final byte[] bits;
    private final Encoding encoding;
    private final ByteBuffer payload;
    private final BaseSource bases;

    UncheckedEncoding(Tensor tensor, byte[] bits, Encoding encoding, ByteBuffer payload, BaseSource bases) {
        this.tensor = tensor;
        this.bits = bits;
        this.encoding = encoding;
        this.payload = payload;
        this.bases = bases;
    }

    /** The payload to be checked, positioned at 0 (a view: its bytes are the ones {@link #check} checks). */
    public ByteBuffer payload() {
        return payload.asReadOnlyBuffer();
    }

    /**
     * Checks the payload and returns what to store: {@link #encoded()} when it decodes exactly, otherwise
     * (a codec bug, logged) {@link #raw()}.
     */
    public EncodedTensor check() {
        return decodesExactly() ? encoded() : raw();
    }

    /**
     * Whether the payload decodes to the tensor's exact bytes. A raw or shuffled payload is compared with
     * the bytes and planes it was written from (see {@code Encoding}), a delta is decoded. A failure is logged.
     */
    public boolean decodesExactly() {
        try {
            if (encoding.hasDirectCheck() ? encoding.decodesTo(payload, bits)
                    : Arrays.equals(TensorCodec.decodeBytes(payload.duplicate(), bases), bits)) {
                return true;
            }
            LOG.warn("{} encoding of {} did not decode to the same bytes", encoding.header().codec(), tensor);
        } catch (CorruptObjectException e) {
            LOG.warn("{} encoding of {} cannot be decoded: {}", encoding.header().codec(), tensor, e.getMessage());
        }
        return false;
    }

    /** The encoding with this payload; to be stored only once {@link #decodesExactly()} has said so. */
    public EncodedTensor encoded() {
        return encoded(encoding, payload);
    }

    /** The tensor's raw encoding, stored instead when the chosen one fails its check. */
    public EncodedTensor raw() {
        Encoding raw = Encoding.of(Codec.RAW, bits, tensor.dtype(), tensor.shape(), encoding.header().checksum(),
                null, null, 0);
        return encoded(raw, raw.write());
    }

    private static EncodedTensor encoded(Encoding encoding, ByteBuffer payload) {
        PayloadHeader h = encoding.header();
        return new EncodedTensor(h.codec(), h.baseId(), h.depth(), payload.duplicate());
    }
}
