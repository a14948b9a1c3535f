package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.json.Json;
import dev.coral.core.json.JsonLimits;
import dev.coral.core.names.TensorNames;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Shape;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .safetensors} file: an 8-byte little-endian header length, a JSON header, then the
 * tensor data. The whole header is validated before any tensor is read: sizes against the file,
 * dtypes, shapes, names, and offsets that must tile the data section exactly (no gap, no overlap,
 * nothing left over). Tensors of 1 MiB or more are mapped from the file rather than copied.
 */
final class SafetensorsReader {
    private static final JsonLimits HEADER_LIMITS = new JsonLimits(4, (int) SafetensorsFormat.MAX_HEADER_LENGTH);
    private static final Set<String> ENTRY_KEYS =
            Set.of(SafetensorsFormat.DTYPE, SafetensorsFormat.SHAPE, SafetensorsFormat.DATA_OFFSETS);

    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    private SafetensorsReader() {
    }

    static TensorFile read(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        ByteBuffer lengthBytes = region(file, channel, 0, 8, fileSize, "the header length");
        long headerLength = lengthBytes.getLong(0);
        if (headerLength < 0 || headerLength > SafetensorsFormat.MAX_HEADER_LENGTH) {
            throw new InvalidInputException(file + ": header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the limit of " + SafetensorsFormat.MAX_HEADER_LENGTH + " bytes (not a safetensors file?)");
        }
        if (headerLength > fileSize - 8) {
            throw new InvalidInputException(file + ": truncated: the header declares " + headerLength
                    + " bytes but the file has only " + (fileSize - 8) + " after the length");
        }
        String headerText = decodeHeader(file, region(file, channel, 8, headerLength, fileSize, "the header"));
        long dataStart = 8 + headerLength;
        long dataSize = fileSize - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(file, headerText, metadata);
        checkTiling(file, entries, dataSize);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            String where = file + ": tensor '" + e.name() + "'";
            ByteBuffer bytes = region(file, channel, dataStart + e.begin(), e.end() - e.begin(), fileSize, where);
            tensors.put(e.name(), Tensor.wrap(e.dtype(), e.shape(), bytes));
        }
        return new TensorFile(tensors, metadata);
    }

    private static ByteBuffer region(Path file, FileChannel channel, long offset, long length, long fileSize,
                                     String what) throws IOException {
        if (fileSize - offset < length) {
            throw new InvalidInputException(file + ": truncated: " + what + " needs " + length + " bytes at offset "
                    + offset + " but the file is " + fileSize + " bytes");
        }
        try {
            return FileRegions.read(channel, offset, length);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private static String decodeHeader(Path file, ByteBuffer bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": the header is not valid UTF-8 (not a safetensors file?)", e);
        }
        if (!text.startsWith("{")) {
            throw new InvalidInputException(file + ": the header does not start with '{' (not a safetensors file?)");
        }
        return text;
    }

    private static List<Entry> parseHeader(Path file, String text, Map<String, String> metadata) {
        Object parsed;
        try {
            parsed = Json.parse(text, HEADER_LIMITS);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": header: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new InvalidInputException(file + ": the header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(SafetensorsFormat.METADATA_KEY)) {
                readMetadata(file, e.getValue(), metadata);
            } else {
                entries.add(entry(file, name, e.getValue()));
            }
        }
        return entries;
    }

    private static void readMetadata(Path file, Object value, Map<String, String> metadata) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(file + ": " + SafetensorsFormat.METADATA_KEY + " is not a JSON object");
        }
        for (Map.Entry<?, ?> m : map.entrySet()) {
            if (!(m.getValue() instanceof String s)) {
                throw new InvalidInputException(file + ": metadata '" + m.getKey() + "' is not a string");
            }
            metadata.put((String) m.getKey(), s);
        }
    }

    private static Entry entry(Path file, String name, Object value) {
        TensorNames.check(name, file.toString());
        String where = file + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> info) || !info.keySet().equals(ENTRY_KEYS)) {
            throw new InvalidInputException(where + ": expected an object with exactly dtype, shape and data_offsets");
        }
        DType dtype = dtype(where, info.get(SafetensorsFormat.DTYPE));
        long[] shape = longs(where, SafetensorsFormat.SHAPE, info.get(SafetensorsFormat.SHAPE), -1);
        long[] offsets = longs(where, SafetensorsFormat.DATA_OFFSETS, info.get(SafetensorsFormat.DATA_OFFSETS), 2);
        if (offsets[1] < offsets[0]) {
            throw new InvalidInputException(where + ": data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] end before they begin");
        }
        long expected;
        try {
            expected = Shape.byteSize(dtype, shape);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
        if (offsets[1] - offsets[0] != expected) {
            throw new InvalidInputException(where + ": " + dtype + Shape.format(shape) + " needs " + expected
                    + " bytes but data_offsets [" + offsets[0] + ", " + offsets[1] + "] span " + (offsets[1] - offsets[0]));
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static DType dtype(String where, Object value) {
        if (value instanceof String s) {
            for (DType d : DType.values()) {
                if (d.safetensorsName().equals(s)) {
                    return d;
                }
            }
        }
        throw new InvalidInputException(where + ": unknown dtype " + Json.write(value)
                + "; supported are F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL");
    }

    private static long[] longs(String where, String key, Object value, int length) {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)
                || list.size() > NpyHeader.MAX_RANK) {
            throw new InvalidInputException(where + ": " + key + " is not a list of "
                    + (length >= 0 ? length + " " : "at most " + NpyHeader.MAX_RANK + " ") + "integers");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0) {
                throw new InvalidInputException(where + ": " + key + " has an invalid value " + list.get(i)
                        + " (expected an integer from 0 to 2^63-1)");
            }
            out[i] = v;
        }
        return out;
    }

    private static void checkTiling(Path file, List<Entry> entries, long dataSize) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long cursor = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.end() > dataSize) {
                throw new InvalidInputException(file + ": tensor '" + e.name() + "': data_offsets end at " + e.end()
                        + " but the data section is only " + dataSize + " bytes (truncated file?)");
            }
            if (e.begin() < cursor) {
                throw new InvalidInputException(file + ": tensor '" + e.name() + "' overlaps tensor '" + previous
                        + "' (bytes " + e.begin() + " to " + cursor + ")");
            }
            if (e.begin() > cursor) {
                throw new InvalidInputException(file + ": tensor '" + e.name() + "' starts at " + e.begin()
                        + " but the previous tensor ends at " + cursor + "; the data has a gap");
            }
            cursor = e.end();
            previous = e.name();
        }
        if (cursor != dataSize) {
            throw new InvalidInputException(file + ": the data section is " + dataSize + " bytes but the tensors cover "
                    + cursor + "; " + (dataSize - cursor) + " bytes belong to no tensor");
        }
    }
}
