package dev.coral.core.format;

import dev.coral.core.json.Json;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the formats against real numpy ({@code /usr/bin/python3} with {@code python3-numpy}): numpy reads
 * what Java wrote and reports the exact bytes; numpy writes plain, compressed, Fortran-order, big-endian
 * and version 2/3 files and Java must read the original bits back.
 */
class NumpyCrossCheckTest {
    private static final String PYTHON = "/usr/bin/python3";

    private static final String SCRIPT = """
            import json, sys
            import numpy as np
            d = sys.argv[1]
            out = {}
            with np.load(d + '/java.npz') as z:
                arrays = {k: z[k] for k in z.files}
            for name, a in arrays.items():
                out[name] = {'descr': a.dtype.str, 'shape': list(a.shape), 'hex': a.tobytes().hex()}
            single = np.load(d + '/single.npy')
            out['single.npy'] = {'descr': single.dtype.str, 'shape': list(single.shape), 'hex': single.tobytes().hex()}
            np.savez(d + '/py_plain.npz', **arrays)
            np.savez_compressed(d + '/py_compressed.npz', **arrays)
            np.savez(d + '/py_fortran.npz', **{k: np.asfortranarray(a) if a.ndim > 1 else a for k, a in arrays.items()},
                     f3=np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4)))
            np.savez(d + '/py_bigendian.npz',
                     **{k: a.byteswap().view(a.dtype.newbyteorder('>')) for k, a in arrays.items()})
            for version in ((2, 0), (3, 0)):
                with open(d + '/py_v%d.npy' % version[0], 'wb') as f:
                    np.lib.format.write_array(f, single, version=version)
            fortran = np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4))
            out['f3_is_fortran'] = bool(fortran.flags.f_contiguous and not fortran.flags.c_contiguous)
            print(json.dumps(out))
            """;

    @TempDir
    static Path dir;
    static Map<String, Tensor> originals;
    static Map<?, ?> numpySaw;

    @BeforeAll
    static void runNumpy() throws Exception {
        originals = SampleTensors.all(false);
        TensorFiles.write(dir.resolve("java.npz"), originals);
        TensorFiles.write(dir.resolve("single.npy"), Map.of("single", SampleTensors.special(DType.FLOAT16)));
        Path script = Files.writeString(dir.resolve("check.py"), SCRIPT);
        numpySaw = (Map<?, ?>) Json.parse(runPython(script, dir));
    }

    private static String runPython(Path script, Path arg) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing: install python3 and python3-numpy (apt-get install -y python3-numpy)");
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), arg.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("numpy check script did not finish");
        }
        if (stderr.contains("No module named 'numpy'")) {
            fail("numpy is missing for " + PYTHON + ": install python3-numpy (apt-get install -y python3-numpy)");
        }
        assertEquals(0, p.exitValue(), "numpy check script failed:\n" + stderr);
        return stdout;
    }

    @Test
    void numpyReadsWhatJavaWroteBitExactly() {
        assertEquals(originals.size() + 2, numpySaw.size());
        originals.forEach((name, t) -> assertNumpySaw(name, t, (Map<?, ?>) numpySaw.get(name)));
        assertNumpySaw("single.npy", SampleTensors.special(DType.FLOAT16), (Map<?, ?>) numpySaw.get("single.npy"));
    }

    private static void assertNumpySaw(String name, Tensor expected, Map<?, ?> saw) {
        assertTrue(saw != null, "numpy did not find " + name);
        assertEquals(expected.dtype().numpyDescr(), saw.get("descr"), name);
        List<Long> shape = java.util.Arrays.stream(expected.shape()).boxed().toList();
        assertEquals(shape, saw.get("shape"), name);
        assertEquals(HexFormat.of().formatHex(expected.toBytes()), saw.get("hex"), name);
    }

    @Test
    void javaReadsNumpyPlainAndCompressedArchives() {
        for (String file : List.of("py_plain.npz", "py_compressed.npz")) {
            TensorFilesRoundTripTest.assertBitExact(originals, TensorFiles.read(dir.resolve(file)).tensors());
        }
    }

    @Test
    void javaConvertsFortranOrderAndBigEndianBitExactly() {
        assertEquals(true, numpySaw.get("f3_is_fortran"));
        Map<String, Tensor> fortran = TensorFiles.read(dir.resolve("py_fortran.npz")).tensors();
        int[] counting = new int[24];
        for (int i = 0; i < counting.length; i++) {
            counting[i] = i;
        }
        assertEquals(Tensor.of(counting).reshape(2, 3, 4), fortran.get("f3"));
        originals.forEach((name, t) -> TensorFilesRoundTripTest.assertBitExactTensor(name, t, fortran.get(name)));
        TensorFilesRoundTripTest.assertBitExact(originals, TensorFiles.read(dir.resolve("py_bigendian.npz")).tensors());
    }

    @Test
    void javaReadsVersion2And3Headers() {
        for (String file : List.of("py_v2.npy", "py_v3.npy")) {
            Tensor read = TensorFiles.read(dir.resolve(file)).tensors().values().iterator().next();
            TensorFilesRoundTripTest.assertBitExactTensor(file, SampleTensors.special(DType.FLOAT16), read);
        }
    }
}
