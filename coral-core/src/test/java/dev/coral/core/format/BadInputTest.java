package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed, truncated and lying files: each is refused with a message naming the file, tensor and problem. */
class BadInputTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- .npy

    @Test
    void npyTruncated() throws IOException {
        Path file = dir.resolve("w.npy");
        TensorFiles.write(file, Map.of("w", Tensor.randn(1, 4, 4)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertRefused(file, "tensor 'w'", "truncated", "64 bytes of data", "61 follow");
        Files.write(file, Arrays.copyOf(bytes, 8));
        assertRefused(file, "truncated");
        Files.write(file, Arrays.copyOf(bytes, 40));
        assertRefused(file, "truncated", "header needs 128 bytes");
    }

    @Test
    void npyHeaderLyingAboutSizes() throws IOException {
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (100,), }", 16),
                "tensor 'w'", "truncated", "400 bytes of data");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 16),
                "tensor 'w'", "16 bytes follow", "does not describe");
    }

    @Test
    void npyShapeOverflowAndLimits() throws IOException {
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }", 0),
                "tensor 'w'", "overflows");
        assertRefused(npy("w.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296,), }", 0),
                "tensor 'w'", "the limit is");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", 0),
                "tensor 'w'", "invalid dimension -1");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", 0),
                "tensor 'w'", "not a valid 64-bit integer");
    }

    @Test
    void npyUnknownDtypes() throws IOException {
        for (String descr : List.of("<u4", "<c8", "|O", "<U3", "|f4", "=f4", "<f16")) {
            assertRefused(npy("w.npy", "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (0,), }", 0),
                    "tensor 'w'", "unsupported dtype '" + descr + "'");
        }
        assertRefused(npy("w.npy", "{'descr': '<V2', 'fortran_order': False, 'shape': (0,), }", 0),
                "bfloat16", ".safetensors");
        assertRefused(npy("w.npy", "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (0,), }", 0),
                "structured dtype");
    }

    @Test
    void npyMalformedHeaders() throws IOException {
        assertRefused(npy("w.npy", "{'descr': '<f4', 'shape': (0,), }", 0), "exactly the keys");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), 'x': 1}", 0),
                "exactly the keys");
        assertRefused(npy("w.npy", "__import__('os').system('false')", 0), "expected a literal");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': 1, 'shape': (0,), }", 0), "fortran_order");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': 3, }", 0), "shape");
        assertRefused(npy("w.npy", "{'descr': '<f4', 'descr': '<f4', 'shape': (0,), }", 0), "duplicate key");
        Path file = dir.resolve("m.npy");
        Files.write(file, "\u0093NUMPX\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(file, "magic");
    }

    @Test
    void npyVersionsAndAbsurdHeaderLengths() throws IOException {
        Path file = dir.resolve("w.npy");
        Files.write(file, bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 4, 0, 10, 0, '{', '}'));
        assertRefused(file, "version 4.0");
        Files.write(file, bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0xff, 0xff, 0xff, 0xff, '{'));
        assertRefused(file, "header length 4294967295 exceeds the limit");
        Files.write(file, bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0xff, 0xff, '{'));
        assertRefused(file, "truncated", "header needs 65545 bytes");
    }

    @Test
    void npyFileNameMustBeAValidTensorName() throws IOException {
        Path file = dir.resolve("..npy");
        TensorFiles.write(dir.resolve("ok.npy"), Map.of("x", Tensor.of(new float[] {1})));
        Files.move(dir.resolve("ok.npy"), file);
        assertRefused(file, "tensor name", "'.'");
    }

    // ---------------------------------------------------------------- .npz

    @Test
    void npzTruncated() throws IOException {
        Path file = dir.resolve("w.npz");
        TensorFiles.write(file, Map.of("a", Tensor.randn(1, 10), "b", Tensor.randn(2, 10)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(file, "truncated or not a zip");
        Files.write(file, Arrays.copyOf(bytes, 10));
        assertRefused(file, "too short for a zip");
    }

    @Test
    void npzPathLikeAndForeignEntryNames() throws IOException {
        byte[] array = npyBytes(Tensor.of(new float[] {1}));
        for (String name : List.of("../evil.npy", "/abs.npy", "a/../../b.npy", "a//b.npy")) {
            ZipBytes zip = new ZipBytes();
            zip.add(name, array);
            assertRefused(write("w.npz", zip.build()), "entry '" + name + "'");
        }
        for (String name : List.of("a\\b.npy", "C:x.npy")) {
            ZipBytes zip = new ZipBytes();
            zip.add(name, array);
            assertRefused(write("w.npz", zip.build()), "entry '" + name + "'", "path-like");
        }
        ZipBytes zip = new ZipBytes();
        zip.add("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertRefused(write("w.npz", zip.build()), "entry 'readme.txt' is not a .npy array");
        ZipBytes nul = new ZipBytes();
        nul.add("a\u0000b.npy", array);
        assertRefused(write("w.npz", nul.build()), "control character");
    }

    @Test
    void npzDuplicateEntries() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("w.npy", npyBytes(Tensor.of(new float[] {1})));
        zip.add("w.npy", npyBytes(Tensor.of(new float[] {2})));
        assertRefused(write("w.npz", zip.build()), "entry 'w.npy' appears twice");
    }

    @Test
    void npzOverlappingEntriesAreRefused() throws IOException {
        // b's local header and data lie inside a's data, so that both read the same bytes.
        byte[] b = npyBytes(Tensor.randn(2, 100));
        byte[] a = concat(ZipBytes.localHeader("b.npy", ZipBytes.crc(b), b.length), b);
        ZipBytes zip = new ZipBytes();
        zip.add("a.npy", a);
        zip.add("b.npy", b).localOffset = 30L + "a.npy".length();
        assertRefused(write("w.npz", zip.build()), "entries 'a.npy' and 'b.npy' overlap");
    }

    @Test
    void npzLyingSizesAndCrc() throws IOException {
        byte[] array = npyBytes(Tensor.randn(1, 100));
        ZipBytes bigger = new ZipBytes();
        ZipBytes.Member b = bigger.add("w.npy", array);
        b.declaredSize = (long) array.length + 4;
        b.method = 8;
        assertRefused(write("w.npz", bigger.build()), "tensor 'w'", "400 bytes of data", "404 bytes follow");

        ZipBytes smaller = new ZipBytes();
        ZipBytes.Member m = smaller.add("w.npy", array);
        m.method = 8;
        m.declaredSize = (long) array.length - 4;
        assertRefused(write("w.npz", smaller.build()), "tensor 'w'", "truncated");

        ZipBytes storedLie = new ZipBytes();
        storedLie.add("w.npy", array).declaredSize = (long) array.length - 4;
        assertRefused(write("w.npz", storedLie.build()), "stored entry 'w.npy' declares");

        ZipBytes crc = new ZipBytes();
        crc.add("w.npy", array).crc = 1234L;
        assertRefused(write("w.npz", crc.build()), "tensor 'w'", "CRC-32");
        ZipBytes crcDeflated = new ZipBytes();
        ZipBytes.Member d = crcDeflated.add("w.npy", array);
        d.crc = 1234L;
        d.method = 8;
        assertRefused(write("w.npz", crcDeflated.build()), "tensor 'w'", "CRC-32");
    }

    @Test
    void npzZipBombs() throws IOException {
        // The .npy header says 16 floats, the deflated stream holds 50 MB of zeros after them.
        byte[] header = NpyHeader.format(DType.FLOAT32, new long[] {16});
        byte[] bomb = Arrays.copyOf(header, header.length + 50_000_000);
        ZipBytes inflatesTooMuch = new ZipBytes();
        ZipBytes.Member m = inflatesTooMuch.add("w.npy", bomb);
        m.method = 8;
        m.declaredSize = (long) header.length + 64;
        Path file = write("bomb.npz", inflatesTooMuch.build());
        assertTrue(Files.size(file) < 200_000);
        assertRefused(file, "tensor 'w'", "more than the " + (header.length + 64) + " bytes the entry declares");

        ZipBytes declaresTerabyte = new ZipBytes();
        ZipBytes.Member t = declaresTerabyte.add("w.npy", bomb);
        t.method = 8;
        t.declaredSize = 1L << 40;
        t.zip64Size = true;
        assertRefused(write("tb.npz", declaresTerabyte.build()), "would inflate to 1099511627776 bytes");

        ZipBytes bigShape = new ZipBytes();
        ZipBytes.Member s = bigShape.add("w.npy", npyHeaderOnly("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000,), }"));
        s.method = 8;
        assertRefused(write("shape.npz", bigShape.build()), "tensor 'w'", "the limit is");
    }

    @Test
    void npzUnsupportedMethodsAndEncryption() throws IOException {
        byte[] array = npyBytes(Tensor.of(new float[] {1}));
        ZipBytes bzip = new ZipBytes();
        bzip.add("w.npy", array).method = 12;
        assertRefused(write("w.npz", bzip.build()), "compression method 12");
        ZipBytes encrypted = new ZipBytes();
        encrypted.add("w.npy", array).flags = 1;
        assertRefused(write("w.npz", encrypted.build()), "encrypted");
    }

    // ---------------------------------------------------------------- .safetensors

    @Test
    void safetensorsTruncatedAndAbsurdHeaders() throws IOException {
        assertRefused(write("w.safetensors", new byte[] {1, 0, 0}), "truncated");
        assertRefused(write("w.safetensors", longLe(1L << 62)), "header length 4611686018427387904 exceeds the limit");
        assertRefused(write("w.safetensors", longLe(-1)), "18446744073709551615 exceeds the limit");
        byte[] lying = concat(longLe(1000), "{}".getBytes(StandardCharsets.UTF_8));
        assertRefused(write("w.safetensors", lying), "truncated", "declares 1000 bytes");

        Path file = dir.resolve("t.safetensors");
        TensorFiles.write(file, Map.of("w", Tensor.randn(1, 8, 8)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        assertRefused(file, "tensor 'w'", "data section is only", "truncated");
    }

    @Test
    void safetensorsHeaderNotJson() throws IOException {
        assertRefused(safetensors("{\"w\": {\"dtype\": \"F32\",}}", 0), "invalid JSON", "line 1");
        assertRefused(safetensors("[1, 2]", 0), "does not start with '{'");
        assertRefused(safetensors("{}x", 0), "invalid JSON");
        byte[] badUtf8 = concat(longLe(3), new byte[] {'{', (byte) 0xc3, '}'});
        assertRefused(write("w.safetensors", badUtf8), "not valid UTF-8");
    }

    @Test
    void safetensorsUnknownDtype() throws IOException {
        for (String dtype : List.of("F8_E4M3", "U32", "f32", "C64")) {
            assertRefused(safetensors("{\"w\": {\"dtype\": \"" + dtype + "\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4),
                    "tensor 'w'", "unknown dtype \"" + dtype + "\"");
        }
    }

    @Test
    void safetensorsShapeOverflowAndLyingOffsets() throws IOException {
        assertRefused(safetensors(entry("w", "F32", "[1099511627776, 1099511627776]", 0, 16), 16),
                "tensor 'w'", "overflows");
        assertRefused(safetensors(entry("w", "F32", "[5]", 0, 16), 16), "tensor 'w'", "needs 20 bytes", "span 16");
        assertRefused(safetensors(entry("w", "F32", "[4]", 0, 16), 8), "tensor 'w'", "data section is only 8 bytes");
        assertRefused(safetensors(entry("w", "F32", "[0]", 8, 4), 8), "tensor 'w'", "end before they begin");
        assertRefused(safetensors(entry("w", "F32", "[-1]", 0, 4), 4), "tensor 'w'", "invalid value -1");
        assertRefused(safetensors(entry("w", "F32", "[1.5]", 0, 4), 4), "tensor 'w'", "invalid value 1.5");
    }

    @Test
    void safetensorsOffsetsMustTileTheData() throws IOException {
        String overlap = "{" + body("a", "F32", "[2]", 0, 8) + "," + body("b", "F32", "[2]", 4, 12) + "}";
        assertRefused(safetensors(overlap, 12), "tensor 'b' overlaps tensor 'a'");
        String gap = "{" + body("a", "F32", "[1]", 0, 4) + "," + body("b", "F32", "[1]", 8, 12) + "}";
        assertRefused(safetensors(gap, 12), "tensor 'b' starts at 8", "gap");
        assertRefused(safetensors(entry("a", "F32", "[1]", 0, 4), 12), "8 bytes belong to no tensor");
        String duplicate = "{" + body("a", "F32", "[1]", 0, 4) + "," + body("a", "F32", "[1]", 4, 8) + "}";
        assertRefused(safetensors(duplicate, 8), "duplicate key \"a\"");
    }

    @Test
    void safetensorsBadNames() throws IOException {
        assertRefused(safetensors(entry("a/../b", "F32", "[1]", 0, 4), 4), "'a/../b'", "'..' path component");
        assertRefused(safetensors(entry("a\\u0000b", "F32", "[1]", 0, 4), 4), "control character");
        String longName = "n".repeat(10_000);
        assertRefused(safetensors(entry(longName, "F32", "[1]", 0, 4), 4), "10000 characters long");
    }

    @Test
    void safetensorsMalformedEntriesAndMetadata() throws IOException {
        assertRefused(safetensors("{\"__metadata__\": {\"k\": 1}}", 0), "metadata 'k' is not a string");
        assertRefused(safetensors("{\"__metadata__\": [\"k\"]}", 0), "__metadata__ is not a JSON object");
        assertRefused(safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4], \"x\": 1}}", 4),
                "tensor 'w'", "exactly dtype, shape and data_offsets");
        assertRefused(safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0]}}", 4),
                "tensor 'w'", "data_offsets is not a list of 2 integers");
        assertRefused(safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 99999999999999999999]}}", 4),
                "tensor 'w'", "invalid value 99999999999999999999");
        assertRefused(safetensors("{\"w\": 3}", 0), "tensor 'w'");
    }

    // ---------------------------------------------------------------- writing

    @Test
    void writeRefusalsLeaveTheTargetUnchanged() throws IOException {
        Path npz = dir.resolve("keep.npz");
        TensorFiles.write(npz, Map.of("old", Tensor.of(new float[] {1})));
        byte[] before = Files.readAllBytes(npz);
        Tensor bf16 = Tensor.of(new float[] {1, 2}).to(DType.BFLOAT16);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("fine", Tensor.of(new float[] {1}));
        tensors.put("half", bf16);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorFiles.write(npz, tensors));
        assertContains(e, "keep.npz", "tensor 'half'", "bfloat16", ".safetensors");
        e = assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(npz, Map.of("w", Tensor.of(new float[] {1})), Map.of("k", "v")));
        assertContains(e, "keep.npz", "metadata", ".safetensors");
        e = assertThrows(InvalidInputException.class, () -> TensorFiles.write(npz, Map.of("a/../b", Tensor.of(new float[] {1}))));
        assertContains(e, "keep.npz", "'a/../b'");
        assertArrayEquals(before, Files.readAllBytes(npz));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(npz), files.toList(), "no temp file may be left behind");
        }
    }

    @Test
    void otherWriteRefusals() {
        Tensor t = Tensor.of(new float[] {1});
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("two.npy"), Map.of("a", t, "b", t))), "exactly one tensor");
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("w.safetensors"), Map.of("__metadata__", t))), "reserved");
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("w.pt"), Map.of("a", t))), "w.pt", "unknown tensor file extension");
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("missing/w.npz"), Map.of("a", t))), "does not exist");
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("n.npz"), Map.of("x".repeat(10_000), t))), "10000 characters long");
        Map<String, String> nullValue = new java.util.HashMap<>();
        nullValue.put("k", null);
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(dir.resolve("m.safetensors"), Map.of("a", t), nullValue)), "metadata 'k'");
    }

    @Test
    void directoriesAreNotTensorFiles() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.safetensors"));
        assertContains(assertThrows(InvalidInputException.class, () -> TensorFiles.read(sub)), "not a regular file");
        assertContains(assertThrows(InvalidInputException.class,
                () -> TensorFiles.write(sub, Map.of("a", Tensor.of(new float[] {1})))), "is a directory");
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    void missingAndUnrecognisedFiles() throws IOException {
        assertThrows(NotFoundException.class, () -> TensorFiles.read(dir.resolve("nope.npz")));
        assertRefused(write("w.bin", new byte[] {1, 2, 3}), "unknown tensor file extension");
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefused(Path file, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorFiles.read(file));
        assertContains(e, file.toString());
        assertContains(e, fragments);
    }

    private static void assertContains(Exception e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message lacks \"" + f + "\": " + e.getMessage());
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path npy(String name, String dict, int dataBytes) throws IOException {
        return write(name, concat(npyHeaderOnly(dict), new byte[dataBytes]));
    }

    private static byte[] npyHeaderOnly(String dict) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    private static byte[] npyBytes(Tensor t) {
        return concat(NpyHeader.format(t.dtype(), t.shape()), t.toBytes());
    }

    private Path safetensors(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return write("w.safetensors", concat(concat(longLe(json.length), json), new byte[dataBytes]));
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "{" + body(name, dtype, shape, begin, end) + "}";
    }

    private static String body(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\": {\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"data_offsets\": ["
                + begin + ", " + end + "]}";
    }

    private static byte[] longLe(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
