package dev.coral.core.format;

import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes tensors as a {@code .npz} archive of stored (uncompressed) {@code NAME.npy} members, as
 * {@code numpy.savez} does. Entry times are fixed so that the same tensors give the same bytes.
 */
final class NpzWriter {
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int COPY_CHUNK = 1 << 16;

    private NpzWriter() {
    }

    static void write(Path file, FileChannel channel, Map<String, Tensor> tensors) throws IOException {
        OutputStream out = Channels.newOutputStream(channel);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor tensor = e.getValue();
            byte[] header = NpyWriter.header(tensor, file + ": tensor '" + e.getKey() + "'");
            CRC32 crc = new CRC32();
            crc.update(header);
            crc.update(tensor.data());
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(header.length + tensor.byteSize());
            entry.setCompressedSize(header.length + tensor.byteSize());
            entry.setCrc(crc.getValue());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(header);
            copy(tensor.data(), zip);
            zip.closeEntry();
        }
        // finish(), not close(): the channel belongs to the caller, who forces it to disk.
        zip.finish();
        zip.flush();
    }

    private static void copy(ByteBuffer data, OutputStream out) throws IOException {
        byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, data.remaining())];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }
}
