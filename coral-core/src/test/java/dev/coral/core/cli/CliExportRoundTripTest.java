package dev.coral.core.cli;

import dev.coral.core.format.TensorFile;
import dev.coral.core.format.TensorFiles;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.coral.core.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * add → commit → export → re-import into another repository, bit-exact for every dtype (NaN payloads,
 * -0.0, subnormals, ±Inf, a scalar and a zero-size tensor included), in every format that can hold them.
 */
class CliExportRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void safetensorsCarriesEveryDtypeBitExactly() throws Exception {
        roundTrip(TestTensors.everyDtype(11), "in.safetensors", "out.safetensors");
    }

    @Test
    void npzCarriesEveryNumpyDtypeBitExactly() throws Exception {
        roundTrip(TestTensors.numpyDtypes(12), "in.npz", "out.npz");
    }

    @Test
    void hdf5CarriesEveryNonEmptyTensorBitExactly() throws Exception {
        Map<String, Tensor> tensors = TestTensors.everyDtype(15);
        tensors.remove("empty.f16");
        roundTrip(tensors, "in.h5", "out.h5");
    }

    @Test
    void npyCarriesACommitOfOneTensorNamedAfterTheFile() throws Exception {
        Map<String, Tensor> one = Map.of("w", TestTensors.everyDtype(13).get("all.float16"));
        roundTrip(one, "src/w.npy", "w.npy");
    }

    @Test
    void exportingBfloat16ToNpzIsRefusedAndWritesNothing() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        run(a, "init").ok();
        TensorFiles.write(a.resolve("in.safetensors"), TestTensors.everyDtype(14));
        run(a, "add", "in.safetensors").ok();
        run(a, "commit", "-m", "all").ok();
        String message = run(a, "export", "HEAD", "out.npz").userError();
        assertTrue(message.contains("bfloat16"), message);
        assertTrue(Files.notExists(a.resolve("out.npz")));
    }

    private void roundTrip(Map<String, Tensor> tensors, String inName, String outName) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        run(a, "init").ok();
        run(b, "init").ok();
        Files.createDirectories(a.resolve(inName).getParent());
        TensorFiles.write(a.resolve(inName), tensors);
        run(a, "add", inName).ok();
        run(a, "commit", "-m", "original").ok();

        run(a, "export", "HEAD", outName).ok();
        TensorFile exported = TensorFiles.read(a.resolve(outName));
        assertEquals(tensors.keySet(), exported.tensors().keySet());
        if (!outName.endsWith(".npz") && !outName.endsWith(".npy")) {
            assertEquals(commitId(a), exported.metadata().get("coral.commit"));
        }
        tensors.forEach((name, t) -> assertEquals(t, exported.tensors().get(name), name + " after export"));

        Files.copy(a.resolve(outName), b.resolve(outName));
        run(b, "add", outName).ok();
        run(b, "commit", "-m", "re-imported").ok();
        assertEquals(treeIds(a), treeIds(b), "the same contents must get the same ids in both repositories");
        for (String name : tensors.keySet()) {
            Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) run(b, "show", "--json", "HEAD:" + name).jsonObject()
                    .get("tensor")).get("entry");
            assertEquals(tensors.get(name).dtype().label(), entry.get("dtype"), name);
        }
    }

    private static Object commitId(Path repo) {
        return ((Map<?, ?>) run(repo, "show", "--json", "HEAD").jsonObject().get("commit")).get("id");
    }

    private static List<?> treeIds(Path repo) {
        return ((List<?>) run(repo, "show", "--json", "HEAD").jsonObject().get("tree")).stream()
                .map(e -> ((Map<?, ?>) e).get("name") + "=" + ((Map<?, ?>) e).get("id"))
                .toList();
    }
}
