package dev.coral.core.cli;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.coral.core.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input of every kind: each command exits 1 with one line naming the problem, and the repository
 * (history, refs, staging, settings, stored objects) is exactly as before.
 */
class CliBadInputTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void repositoryWithHistoryAndSomethingStaged() throws IOException {
        run(dir, "init").ok();
        TensorFiles.write(dir.resolve("good.npz"), Map.of("w", Tensor.randn(1, 8, 8)));
        run(dir, "add", "good.npz").ok();
        run(dir, "commit", "-m", "base").ok();
        run(dir, "tag", "v1").ok();
        TensorFiles.write(dir.resolve("staged.safetensors"), Map.of("b", Tensor.randn(2, 8)));
        run(dir, "add", "staged.safetensors").ok();
        writeBadFiles();
    }

    private static void writeBadFiles() throws IOException {
        TensorFiles.write(dir.resolve("whole.npy"), Map.of("whole", Tensor.randn(3, 10, 10)));
        byte[] npy = Files.readAllBytes(dir.resolve("whole.npy"));
        Files.write(dir.resolve("truncated.npy"), Arrays.copyOf(npy, npy.length - 7));
        Files.write(dir.resolve("lying.npy"), npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }", 16));
        Files.write(dir.resolve("overflow.npy"),
                npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", 16));
        Files.write(dir.resolve("complex.npy"), npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16));
        Files.write(dir.resolve("garbage.npz"), "PK\u0003\u0004 this is not a zip at all".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("longheader.safetensors"), safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, 1_000_000));
        Files.write(dir.resolve("beyond.safetensors"), safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[1024],\"data_offsets\":[0,4096]}}", 16, 0));
        Files.write(dir.resolve("dtype.safetensors"), safetensors("{\"x\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2, 0));
        Files.write(dir.resolve("dotdot.safetensors"), safetensors("{\"a/../b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, 0));
        Files.write(dir.resolve("nul.safetensors"), safetensors("{\"a\\u0000b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, 0));
        String longName = "n".repeat(10_000);
        Files.write(dir.resolve("longname.safetensors"), safetensors("{\"" + longName + "\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, 0));
        Files.writeString(dir.resolve("notes.txt"), "not tensors");
        Map<String, Tensor> two = new LinkedHashMap<>();
        two.put("p", Tensor.zeros(DType.INT8, 2));
        two.put("q", Tensor.zeros(DType.INT8, 2));
        TensorFiles.write(dir.resolve("two.npz"), two);
        TensorFiles.write(dir.resolve("clash.npz"), Map.of("p", Tensor.zeros(DType.INT8, 3)));
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                bad("truncated .npy", "truncated.npy", "add", "truncated.npy"),
                bad("npy header larger than the file", "lying.npy", "add", "lying.npy"),
                bad("npy shape product overflows", "overflow.npy", "add", "overflow.npy"),
                bad("unsupported npy dtype", "complex.npy", "add", "complex.npy"),
                bad("corrupt npz", "garbage.npz", "add", "garbage.npz"),
                bad("safetensors header length beyond the file", "longheader.safetensors", "add", "longheader.safetensors"),
                bad("safetensors offsets beyond the file", "beyond.safetensors", "add", "beyond.safetensors"),
                bad("unknown safetensors dtype", "F8_E4M3", "add", "dtype.safetensors"),
                bad("name with /../", "dotdot.safetensors", "add", "dotdot.safetensors"),
                bad("name with NUL", "nul.safetensors", "add", "nul.safetensors"),
                bad("10 kB name", "longname.safetensors", "add", "longname.safetensors"),
                bad("one bad file among good ones stages nothing", "truncated.npy", "add", "good.npz", "truncated.npy"),
                bad("missing file", "missing.npz", "add", "missing.npz"),
                bad("unknown extension", "unknown tensor file extension", "add", "notes.txt"),
                bad("prefix making a path", "'..'", "add", "--prefix", "../", "good.npz"),
                bad("--name with several tensors", "--name needs exactly one FILE", "add", "--name", "x", "two.npz"),
                bad("same name from two files", "tensor 'p' is given by both", "add", "two.npz", "clash.npz"),
                bad("branch name with ..", "a..b", "branch", "a..b"),
                bad("branch name ending in .lock", "x.lock", "branch", "x.lock"),
                bad("branch name with a space", "a b", "branch", "a b"),
                bad("tag name with ~", "v~1", "tag", "v~1"),
                bad("tag that exists", "v1", "tag", "v1"),
                bad("branch that exists", "main", "branch", "main"),
                bad("delete the current branch", "main", "branch", "-d", "main"),
                bad("delete a missing tag", "nope", "tag", "-d", "nope"),
                bad("show an unknown ref", "nope", "show", "nope"),
                bad("show an unknown tensor", "missing.tensor", "show", "HEAD:missing.tensor"),
                bad("diff an unknown ref", "nope", "diff", "nope", "HEAD"),
                bad("log of an unknown ref", "nope", "log", "nope"),
                bad("checkout an unknown ref", "nope", "checkout", "nope"),
                bad("export an unknown ref", "nope", "export", "nope", "out.npz"),
                bad("export to an unknown format", "unknown tensor file extension", "export", "HEAD", "out.txt"),
                bad("branch from an unknown ref", "nope", "branch", "x", "nope"),
                bad("reflog of an unknown branch", "nope", "reflog", "nope"),
                bad("rm an unknown tensor", "no tensor named 'nope'", "rm", "w", "nope"),
                bad("metric that is not a number", "acc", "commit", "-m", "x", "--metric", "acc=high"),
                bad("metric without a name", "=1", "commit", "-m", "x", "--metric", "=1"),
                bad("metric that is not finite", "acc", "commit", "-m", "x", "--metric", "acc=NaN"),
                bad("blank commit message", "message", "commit", "-m", " "),
                bad("unknown option", "unknown option: '--frobnicate'", "commit", "-m", "x", "--frobnicate"),
                bad("unknown verb", "'frobnicate' is not a coral command", "frobnicate"),
                bad("extra argument", "unmatched argument", "status", "extra"),
                bad("negative -n", "-n must be 0 or more", "log", "-n", "-3"),
                bad("unknown config key", "unknown config key 'nope'", "config", "set", "nope", "1"),
                bad("bad config value", "durability", "config", "set", "durability", "sometimes"),
                bad("init where a repository exists", "already", "init"));
    }

    private static Arguments bad(String what, String expected, String... args) {
        return Arguments.of(what, expected, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void isRefusedWithAClearMessageAndChangesNothing(String what, String expected, List<String> args) {
        String before = snapshot();
        String message = run(dir, args.toArray(String[]::new)).userError();
        assertTrue(message.contains(expected), () -> what + ": expected '" + expected + "' in: " + message);
        assertEquals(before, snapshot(), what + " changed the repository");
    }

    /**
     * Everything a user can observe of the repository, as JSON. The bytes on disk are left out: SQLite's
     * write-ahead log may grow or be checkpointed by a mere read.
     */
    private String snapshot() {
        Map<String, Object> stats = new LinkedHashMap<>(run(dir, "stats", "--json").jsonObject());
        stats.remove("storedBytes");
        return stats + run(dir, "log", "--json").ok() + run(dir, "status", "--json").ok()
                + run(dir, "branch", "--json").ok() + run(dir, "tag", "--json").ok()
                + run(dir, "config", "--json").ok() + run(dir, "reflog", "--json").ok() + run(dir, "fsck", "--json").ok();
    }

    private static byte[] npy(String header, int dataBytes) {
        int unpadded = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + padded.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) padded.length()).put(padded.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** A safetensors file with {@code header}, {@code dataBytes} of data, and a header length overstated by {@code lie}. */
    private static byte[] safetensors(String header, int dataBytes, long lie) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length + lie).put(h);
        return b.array();
    }
}
