package dev.coral.core.format;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorFilesRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void safetensorsKeepsEveryDtypeAndTheMetadata() {
        Map<String, Tensor> tensors = SampleTensors.all(true);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "ünïcode \"quoted\"\n");
        Path file = dir.resolve("all.safetensors");
        TensorFiles.write(file, tensors, metadata);
        TensorFile read = TensorFiles.read(file);
        assertBitExact(tensors, read.tensors());
        assertEquals(metadata, read.metadata());
        assertEquals(List.copyOf(metadata.keySet()), List.copyOf(read.metadata().keySet()));
    }

    @Test
    void npzKeepsEveryNumpyDtype() {
        Map<String, Tensor> tensors = SampleTensors.all(false);
        Path file = dir.resolve("all.npz");
        TensorFiles.write(file, tensors);
        TensorFile read = TensorFiles.read(file);
        assertBitExact(tensors, read.tensors());
        assertTrue(read.metadata().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = "BFLOAT16", mode = EnumSource.Mode.EXCLUDE)
    void npyKeepsEachDtype(DType dtype) {
        for (Tensor t : List.of(SampleTensors.special(dtype), SampleTensors.scalar(dtype), SampleTensors.zeroSize(dtype))) {
            Path file = dir.resolve("w.npy");
            TensorFiles.write(file, Map.of("ignored", t));
            TensorFile read = TensorFiles.read(file);
            assertEquals(List.of("w"), List.copyOf(read.tensors().keySet()));
            assertBitExactTensor("w", t, read.tensors().get("w"));
        }
    }

    @Test
    void largeTensorsAreReadFromAMappedFile() {
        Tensor big = Tensor.randn(7, 600, 600); // 1.44 MB, above the mapping threshold
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("small", SampleTensors.special(DType.FLOAT32));
        tensors.put("big", big);
        for (String name : List.of("big.safetensors", "big.npz")) {
            Path file = dir.resolve(name);
            TensorFiles.write(file, tensors);
            Tensor read = TensorFiles.read(file).tensors().get("big");
            assertTrue(read.data().isDirect(), name + ": expected a mapped buffer");
            assertEquals(big, read);
        }
        TensorFiles.write(dir.resolve("big.npy"), Map.of("big", big));
        assertEquals(big, TensorFiles.read(dir.resolve("big.npy")).tensors().get("big"));
    }

    @Test
    void orderOfTensorsIsKept() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (String name : List.of("z", "a", "m/x", "b")) {
            tensors.put(name, Tensor.of(new float[] {name.charAt(0)}));
        }
        for (String name : List.of("o.safetensors", "o.npz")) {
            TensorFiles.write(dir.resolve(name), tensors);
            assertEquals(List.copyOf(tensors.keySet()),
                    List.copyOf(TensorFiles.read(dir.resolve(name)).tensors().keySet()));
        }
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws Exception {
        Map<String, Tensor> tensors = SampleTensors.all(false);
        for (String name : List.of("d.safetensors", "d.npz")) {
            TensorFiles.write(dir.resolve("1" + name), tensors);
            TensorFiles.write(dir.resolve("2" + name), tensors);
            assertArrayEquals(Files.readAllBytes(dir.resolve("1" + name)), Files.readAllBytes(dir.resolve("2" + name)));
        }
    }

    @Test
    void overwriteReplacesTheFileAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("w.safetensors");
        TensorFiles.write(file, Map.of("a", Tensor.of(new float[] {1})));
        TensorFiles.write(file, Map.of("b", Tensor.of(new float[] {2})));
        assertEquals(List.of("b"), List.copyOf(TensorFiles.read(file).tensors().keySet()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void emptyFiles() {
        for (String name : List.of("e.safetensors", "e.npz")) {
            TensorFiles.write(dir.resolve(name), Map.of());
            assertTrue(TensorFiles.read(dir.resolve(name)).tensors().isEmpty(), name);
        }
    }

    @Test
    void contentWinsOverAMisleadingExtension() throws Exception {
        Path npz = dir.resolve("real.npz");
        TensorFiles.write(npz, Map.of("w", Tensor.of(new int[] {1, 2})));
        Path renamed = Files.move(npz, dir.resolve("actually-npz.safetensors"));
        assertEquals(Tensor.of(new int[] {1, 2}), TensorFiles.read(renamed).tensors().get("w"));
    }

    static void assertBitExact(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((name, t) -> assertBitExactTensor(name, t, actual.get(name)));
    }

    static void assertBitExactTensor(String name, Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype(), name);
        assertArrayEquals(expected.shape(), actual.shape(), name);
        assertArrayEquals(expected.toBytes(), actual.toBytes(), name);
        assertEquals(expected, actual, name);
    }
}
