package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The encoder's direct check of a written RAW or SHUFFLE_ZSTD payload: it agrees with a full decode, on
 * bodies mixing raw and zstd segments for every dtype, and notices any damaged byte.
 */
class WrittenPayloadCheckTest {
    private static final TensorCodec CODEC = new TensorCodec(CodecSettings.DEFAULT);
    private static final byte MODE_RAW = 0;
    private static final byte MODE_ZSTD = 1;

    @Test
    void planesStoredRawAndCompressedSideBySideDecodeExactlyForEveryDtype() {
        Random random = new Random(7);
        for (DType dtype : DType.values()) {
            for (int elements : new int[] {3, 1000, 70_000, 300_001}) {
                Tensor tensor = mixedPlanes(random, dtype, elements);
                byte[] bits = tensor.toBytes();
                Encoding encoding = Encoding.of(Codec.SHUFFLE_ZSTD, bits, dtype, tensor.shape(), checksum(bits), null, null, 1);
                ByteBuffer payload = encoding.write();
                String what = dtype + " × " + elements;
                assertEquals(tensor, CODEC.decode(payload, id -> fail("no base")), what);
                assertTrue(encoding.decodesTo(payload, bits), what);
                if (dtype.itemSize() > 1 && elements * dtype.itemSize() >= 2 * PlaneCompressor.SAMPLE_FROM_BYTES) {
                    byte[] modes = segmentModes(payload, encoding.header());
                    assertTrue(contains(modes, MODE_RAW) && contains(modes, MODE_ZSTD), what + " mixes raw and zstd segments");
                }
            }
        }
    }

    @Test
    void emptyTensorsOfEveryDtypeAreWrittenCheckedAndDecoded() {
        for (DType dtype : DType.values()) {
            for (long[] shape : new long[][] {{0}, {0, 5}}) {
                Tensor tensor = Tensor.zeros(dtype, shape);
                byte[] bits = tensor.toBytes();
                for (Codec codec : new Codec[] {Codec.RAW, Codec.SHUFFLE_ZSTD}) {
                    Encoding encoding = Encoding.of(codec, bits, dtype, shape, checksum(bits), null, null, 1);
                    ByteBuffer payload = encoding.write();
                    String what = codec + " " + dtype + Arrays.toString(shape);
                    assertTrue(encoding.decodesTo(payload, bits), what);
                    assertEquals(tensor, CODEC.decode(payload, id -> fail("no base")), what);
                }
            }
        }
    }

    @Test
    void theEncoderKeepsAMixedBodyAndItDecodesExactly() {
        Tensor tensor = Tensor.randn(3, 1000, 1000);
        EncodedTensor e = CODEC.encode(tensor);
        assertEquals(Codec.SHUFFLE_ZSTD, e.codec());
        byte[] modes = segmentModes(e.payload(), TensorCodec.readHeader(e.payload()));
        assertTrue(contains(modes, MODE_RAW) && contains(modes, MODE_ZSTD), "noisy mantissa planes raw, exponents in zstd");
        assertEquals(tensor, CODEC.decode(e.payload(), id -> fail("no base")));
    }

    @Test
    void everyDamagedByteOfAWrittenPayloadFailsTheCheck() {
        Random random = new Random(8);
        Tensor tensor = mixedPlanes(random, DType.FLOAT32, 2 * PlaneCompressor.SAMPLE_FROM_BYTES / 4 + 17);
        byte[] bits = tensor.toBytes();
        for (Codec codec : new Codec[] {Codec.RAW, Codec.SHUFFLE_ZSTD}) {
            Encoding encoding = Encoding.of(codec, bits, DType.FLOAT32, tensor.shape(), checksum(bits), null, null, 1);
            ByteBuffer good = encoding.write();
            assertTrue(encoding.decodesTo(good, bits), codec + " as written");
            byte[] bytes = new byte[good.remaining()];
            good.duplicate().get(bytes);
            int damaged = 0;
            int harmless = 0;
            for (int at = 0; at < bytes.length; at += 1 + random.nextInt(7)) {
                byte[] bad = bytes.clone();
                bad[at] ^= (byte) (1 << random.nextInt(8));
                String what = codec + " with byte " + at + " of " + bytes.length + " changed";
                boolean decodesExactly = fullDecodeGives(ByteBuffer.wrap(bad), bits);
                assertEquals(decodesExactly, passesCheck(encoding, ByteBuffer.wrap(bad), bits), what);
                damaged++;
                harmless += decodesExactly ? 1 : 0;
            }
            assertTrue(harmless * 100 < damaged, codec + ": " + harmless + " of " + damaged
                    + " damaged payloads still decode exactly");
            byte[] otherBits = bits.clone();
            otherBits[random.nextInt(otherBits.length)] ^= 1;
            assertFalse(encoding.decodesTo(good, otherBits), codec + " against other bytes");
        }
    }

    /**
     * The check's answer; a damaged header or segment table is reported as corrupt, which the encoder treats
     * as a failed check.
     */
    private static boolean passesCheck(Encoding encoding, ByteBuffer payload, byte[] bits) {
        try {
            return encoding.decodesTo(payload, bits);
        } catch (CorruptObjectException e) {
            return false;
        }
    }

    /**
     * Whether decoding {@code payload} in full gives {@code bits}. A zstd frame has a few bits whose change
     * does not change what it decodes to (a flipped bit can give an equivalent match), so a damaged byte
     * may be harmless; the check must then agree with the full decode.
     */
    private static boolean fullDecodeGives(ByteBuffer payload, byte[] bits) {
        try {
            return Arrays.equals(TensorCodec.decodeBytes(payload, id -> fail("no base")), bits);
        } catch (CorruptObjectException e) {
            return false;
        }
    }

    /** Elements whose even byte planes are random and odd ones nearly constant, so planes go raw and zstd in turn. */
    private static Tensor mixedPlanes(Random random, DType dtype, int elements) {
        int size = dtype.itemSize();
        byte[] bytes = new byte[elements * size];
        for (int i = 0; i < elements; i++) {
            for (int p = 0; p < size; p++) {
                bytes[i * size + p] = (byte) (p % 2 == 0 ? random.nextInt(256) : random.nextInt(64) == 0 ? 1 : 0);
            }
        }
        if (dtype == DType.BOOL) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] &= 1;
            }
        }
        return Tensor.copyOf(dtype, new long[] {elements}, bytes);
    }

    private static byte[] segmentModes(ByteBuffer payload, PayloadHeader header) {
        ByteBuffer body = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(header.length());
        int size = header.dtype().itemSize();
        long planeLength = header.byteSize() / size;
        int count = size * (int) ((planeLength + PlaneCompressor.SEGMENT_BYTES - 1) / PlaneCompressor.SEGMENT_BYTES);
        byte[] modes = new byte[count];
        for (int k = 0; k < count; k++) {
            modes[k] = body.get();
            body.getInt();
        }
        return modes;
    }

    private static boolean contains(byte[] modes, byte mode) {
        for (byte m : modes) {
            if (m == mode) {
                return true;
            }
        }
        return false;
    }

    private static int checksum(byte[] bits) {
        CRC32C crc = new CRC32C();
        crc.update(bits);
        return (int) crc.getValue();
    }
}
