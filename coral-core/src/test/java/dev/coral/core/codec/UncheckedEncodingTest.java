package dev.coral.core.codec;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class UncheckedEncodingTest {
    private final TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);

    @Test
    void aCheckOnAnotherThreadAcceptsWhatEncodeWouldStore() throws Exception {
        Tensor base = Tensor.randn(1, 400, 300);
        Tensor sibling = base.plus(Tensor.randn(2, 400, 300).times(0.001));
        ObjectId baseId = TensorHasher.id(base);
        for (Tensor tensor : List.of(base, sibling, Tensor.zeros(DType.INT16, 7), Tensor.randn(3, 1000, 1000))) {
            UncheckedEncoding u = codec.encodeUnchecked(tensor, List.of(new BaseCandidate(baseId, base, 0)));
            boolean exact = CompletableFuture.supplyAsync(u::decodesExactly).get();
            assertTrue(exact, tensor.describe());
            EncodedTensor e = u.encoded();
            assertEquals(u.payload(), e.payload());
            assertEquals(tensor, codec.decode(e.payload(), id -> base), tensor.describe());
            assertEquals(e.codec(), codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0))).codec());
        }
    }

    @Test
    void theRawFallbackHoldsTheTensorsBytes() {
        Tensor tensor = Tensor.randn(4, 300, 300);
        UncheckedEncoding u = codec.encodeUnchecked(tensor, List.of());
        EncodedTensor raw = u.raw();
        assertEquals(Codec.RAW, raw.codec());
        assertEquals(tensor, codec.decode(raw.payload(), id -> fail("no base")));
    }
}
