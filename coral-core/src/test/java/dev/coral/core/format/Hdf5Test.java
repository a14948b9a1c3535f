package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.json.Json;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * HDF5 through jHDF: bit-exact round trips, and a cross-check with real h5py ({@code /usr/bin/python3}
 * with {@code python3-h5py}) in both directions.
 */
class Hdf5Test {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** special and scalar tensors of every dtype (HDF5 export refuses zero-size ones). */
    static Map<String, Tensor> samples() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (DType d : DType.values()) {
            out.put("special/" + d.label(), SampleTensors.special(d));
            out.put("scalar." + d.label(), SampleTensors.scalar(d));
        }
        out.put("model/dense/kernel:0", Tensor.randn(5, 3, 4, 2));
        return out;
    }

    @Test
    void everyDtypeRoundTripsBitExactly() {
        Map<String, Tensor> tensors = samples();
        Map<String, String> metadata = Map.of("commit", "3fa2", "note", "ünïcode");
        for (String name : List.of("w.h5", "w.hdf5")) {
            Path file = dir.resolve(name);
            TensorFiles.write(file, tensors, metadata);
            TensorFile read = TensorFiles.read(file);
            assertEquals(tensors.keySet(), read.tensors().keySet());
            tensors.forEach((n, t) -> TensorFilesRoundTripTest.assertBitExactTensor(n, t, read.tensors().get(n)));
            assertEquals(metadata, read.metadata());
        }
    }

    @Test
    void refusesWhatHdf5CannotHold() throws IOException {
        Path file = dir.resolve("w.h5");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(file, Map.of("empty", Tensor.zeros(DType.FLOAT32, 0, 3))));
        assertTrue(e.getMessage().contains("tensor 'empty' has zero elements"), e.getMessage());
        Map<String, Tensor> clash = new LinkedHashMap<>();
        clash.put("a", Tensor.of(new float[] {1}));
        clash.put("a/b", Tensor.of(new float[] {2}));
        e = assertThrows(InvalidInputException.class, () -> TensorFiles.write(file, clash));
        assertTrue(e.getMessage().contains("'a' and 'a/b'"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing may be written");
        }
    }

    @Test
    void refusesFilesThatAreNotHdf5() throws IOException {
        Path file = Files.write(dir.resolve("w.h5"), "not hdf5 at all, just text".getBytes(StandardCharsets.UTF_8));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        byte[] valid = writeValid();
        Path truncated = Files.write(dir.resolve("t.h5"), java.util.Arrays.copyOf(valid, valid.length / 2));
        e = assertThrows(InvalidInputException.class, () -> TensorFiles.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: the HDF5 superblock says the file ends at byte "
                + valid.length), e.getMessage());
    }

    private byte[] writeValid() throws IOException {
        Path file = dir.resolve("valid.h5");
        TensorFiles.write(file, Map.of("w", Tensor.randn(1, 64, 64)));
        return Files.readAllBytes(file);
    }

    @Test
    void h5pyReadsWhatJavaWroteAndJavaReadsWhatH5pyWrote() throws Exception {
        Map<String, Tensor> tensors = samples();
        TensorFiles.write(dir.resolve("java.h5"), tensors, Map.of("source", "coral"));
        String script = """
                import json, sys
                import h5py, numpy as np
                d = sys.argv[1]
                out = {}
                with h5py.File(d + '/java.h5', 'r') as f:
                    def visit(name, obj):
                        if isinstance(obj, h5py.Dataset):
                            a = obj[()]
                            a = np.asarray(a)
                            label = obj.attrs.get('coral_dtype')
                            out[name] = {'dtype': a.dtype.str, 'shape': list(a.shape), 'hex': a.tobytes().hex(),
                                         'label': label.decode() if isinstance(label, bytes) else label}
                    f.visititems(visit)
                    out['@source'] = f.attrs['source'].decode() if isinstance(f.attrs['source'], bytes) else f.attrs['source']
                with h5py.File(d + '/keras.h5', 'w') as f:
                    f.attrs['backend'] = 'tensorflow'
                    f.attrs['layer_names'] = [b'dense']
                    g = f.create_group('dense').create_group('dense')
                    g.create_dataset('kernel:0', data=np.arange(12, dtype='<f4').reshape(3, 4))
                    g.create_dataset('bias:0', data=np.array([1.5, -0.0], dtype='>f8'))
                    f.create_dataset('half', data=np.array([1.0, 65504.0, -0.0], dtype='<f2'))
                    f.create_dataset('mask', data=np.array([True, False, True]))
                    f.create_dataset('ids', data=np.arange(1000, dtype='<i8').reshape(10, 100),
                                     chunks=(3, 7), compression='gzip', shuffle=True)
                    f.create_dataset('empty', data=np.zeros((0, 3), dtype='<f4'))
                    f.create_dataset('u8', data=np.array([0, 255], dtype='u1'))
                print(json.dumps(out))
                """;
        Map<?, ?> saw = (Map<?, ?>) Json.parse(runPython(script));
        assertEquals("coral", saw.get("@source"));
        tensors.forEach((name, t) -> {
            Map<?, ?> s = (Map<?, ?>) saw.get(name);
            assertTrue(s != null, "h5py did not find " + name);
            assertEquals(HexFormat.of().formatHex(t.toBytes()), s.get("hex"), name);
            assertEquals(java.util.Arrays.stream(t.shape()).boxed().toList(), s.get("shape"), name);
            String expectedType = switch (t.dtype()) {
                case FLOAT16, BFLOAT16 -> "<i2";
                case BOOL -> "|u1";
                default -> t.dtype().numpyDescr();
            };
            assertEquals(expectedType, s.get("dtype"), name);
            assertEquals(Hdf5Layout.needsDtypeAttribute(t.dtype()) ? t.dtype().label() : null, s.get("label"), name);
        });

        TensorFile keras = TensorFiles.read(dir.resolve("keras.h5"));
        float[] counting = new float[12];
        for (int i = 0; i < counting.length; i++) {
            counting[i] = i;
        }
        Map<String, Tensor> k = keras.tensors();
        assertEquals(Tensor.of(counting).reshape(3, 4), k.get("dense/dense/kernel:0"));
        assertEquals(Tensor.of(new double[] {1.5, -0.0}), k.get("dense/dense/bias:0"));
        assertEquals(Tensor.of(new float[] {1, 65504, -0f}).to(DType.FLOAT16), k.get("half"));
        assertEquals(Tensor.of(new boolean[] {true, false, true}), k.get("mask"));
        long[] ids = new long[1000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        assertEquals(Tensor.of(ids).reshape(10, 100), k.get("ids"));
        assertEquals(Tensor.zeros(DType.FLOAT32, 0, 3), k.get("empty"));
        assertEquals(Tensor.copyOf(DType.UINT8, new long[] {2}, new byte[] {0, (byte) 255}), k.get("u8"));
        assertEquals(Map.of("backend", "tensorflow"), keras.metadata());
    }

    private String runPython(String script) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing: install python3, python3-numpy and python3-h5py");
        }
        Path file = Files.writeString(dir.resolve("check.py"), script);
        Process p = new ProcessBuilder(PYTHON, file.toString(), dir.toString()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("h5py check script did not finish");
        }
        if (stderr.contains("No module named 'h5py'") || stderr.contains("No module named 'numpy'")) {
            fail("h5py or numpy is missing for " + PYTHON + ": apt-get install -y python3-numpy python3-h5py");
        }
        assertEquals(0, p.exitValue(), "h5py check script failed:\n" + stderr);
        return stdout;
    }
}
