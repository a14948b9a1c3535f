package dev.coral.core.repo;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every dtype, with the bit patterns that lossy paths destroy, through commit → a new process → read. */
class RoundTripTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;

    static Map<String, Tensor> specialTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("f64.special", Tensor.of(new double[] {
            Double.longBitsToDouble(0x7ff8_dead_beef_0001L), Double.longBitsToDouble(0xfff0_0000_0000_0001L),
            -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL / 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE, -1.5}));
        t.put("f32.special", Tensor.of(new float[] {
            Float.intBitsToFloat(0x7fc0_1234), Float.intBitsToFloat(0xff80_0001), -0.0f, 0.0f, Float.MIN_VALUE,
            Float.MIN_NORMAL / 5, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, 3.25f}));
        t.put("f16.special", shorts(DType.FLOAT16, 0x7e01, 0xfc01, 0x8000, 0x0000, 0x0001, 0x03ff, 0x7c00, 0xfc00, 0x7bff, 0x3c00));
        t.put("bf16.special", shorts(DType.BFLOAT16, 0x7fc1, 0xff81, 0x8000, 0x0000, 0x0001, 0x007f, 0x7f80, 0xff80, 0x7f7f, 0x3f80));
        t.put("i64", Tensor.of(new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}));
        t.put("i32", Tensor.of(new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}));
        t.put("i16", shorts(DType.INT16, 0x8000, 0xffff, 0, 1, 0x7fff));
        t.put("i8", Tensor.of(new byte[] {-128, -1, 0, 1, 127}));
        t.put("u8", Tensor.copyOf(DType.UINT8, new long[] {5}, new byte[] {0, 1, (byte) 128, (byte) 254, (byte) 255}));
        t.put("bool", Tensor.of(new boolean[] {true, false, true}));
        t.put("scalar", Tensor.scalar(Float.intBitsToFloat(0x7fa0_0000)));
        t.put("zero-size", Tensor.zeros(DType.FLOAT32, 3, 0, 2));
        t.put("zero-size-bf16", Tensor.zeros(DType.BFLOAT16, 0));
        t.put("large.f32", Tensor.randn(9, 400, 400));
        t.put("large.f16", Tensor.randn(10, 300, 500).to(DType.FLOAT16));
        byte[] noise = new byte[600_000];
        new java.util.Random(11).nextBytes(noise);
        t.put("large.incompressible", Tensor.copyOf(DType.UINT8, new long[] {600, 1000}, noise));
        return t;
    }

    private static Tensor shorts(DType dtype, int... bits) {
        ByteBuffer b = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : bits) {
            b.putShort((short) v);
        }
        return Tensor.wrap(dtype, new long[] {bits.length}, b.flip());
    }

    @Test
    void everyDtypeComesBackBitExactInANewProcess() throws Exception {
        Map<String, Tensor> tensors = specialTensors();
        try (Repository repo = Repository.init(dir)) {
            repo.commit(tensors, "special values");
        }
        List<String> args = new ArrayList<>(List.of("dump", dir.toString(), "main", out.toString()));
        args.addAll(tensors.keySet());
        ChildProcess.run(out.resolve("logs"), args.toArray(String[]::new));
        int i = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor expected = e.getValue();
            assertEquals(expected.dtype().label() + " " + Arrays.toString(expected.shape()),
                    Files.readString(out.resolve(i + ".meta")), e.getKey());
            assertArrayEquals(expected.toBytes(), Files.readAllBytes(out.resolve(i + ".bin")), e.getKey());
            i++;
        }
    }

    @Test
    void everyDtypeComesBackThroughTheIndexAndAReopen() {
        Map<String, Tensor> tensors = specialTensors();
        try (Repository repo = Repository.init(dir)) {
            repo.index().addAll(tensors);
            repo.index().commit(CommitRequest.of("via index"));
        }
        try (Repository repo = Repository.open(dir)) {
            tensors.forEach((name, t) -> assertEquals(t, repo.read("HEAD", name), name));
            tensors.forEach((name, t) -> assertEquals(t, repo.at("HEAD").tensor(name), name));
        }
    }
}
