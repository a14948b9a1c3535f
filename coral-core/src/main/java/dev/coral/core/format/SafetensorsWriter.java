package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.json.Json;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .safetensors} file: tensors in the given order, data packed without gaps, the
 * metadata as {@code __metadata__}, and the header padded with spaces so that the data starts 8-byte
 * aligned.
 */
final class SafetensorsWriter {
    private SafetensorsWriter() {
    }

    static void write(Path file, FileChannel channel, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(SafetensorsFormat.METADATA_KEY, metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(SafetensorsFormat.METADATA_KEY)) {
                throw new InvalidInputException(file + ": '" + SafetensorsFormat.METADATA_KEY
                        + "' is reserved and cannot name a tensor");
            }
            Tensor t = e.getValue();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put(SafetensorsFormat.DTYPE, t.dtype().safetensorsName());
            info.put(SafetensorsFormat.SHAPE, t.shape());
            info.put(SafetensorsFormat.DATA_OFFSETS, List.of(offset, offset + t.byteSize()));
            header.put(e.getKey(), info);
            offset += t.byteSize();
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int align = SafetensorsFormat.ALIGNMENT;
        int padded = (json.length + align - 1) / align * align;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        byte[] spaces = new byte[padded - json.length];
        Arrays.fill(spaces, (byte) ' ');
        prefix.putLong(padded).put(json).put(spaces).flip();
        ChannelOutput.writeFully(channel, prefix);
        for (Tensor t : tensors.values()) {
            ChannelOutput.writeFully(channel, t.data());
        }
    }
}
