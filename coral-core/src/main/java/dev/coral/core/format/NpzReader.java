package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.names.TensorNames;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads a {@code .npz} archive: a zip of {@code NAME.npy} members, stored or deflated. Stored members are
 * read zero-copy when large; deflated ones are inflated into exactly the size their {@code .npy} header
 * declares, after checking that header against the archive. Every member's CRC-32 is verified.
 */
final class NpzReader {
    private static final String SUFFIX = ".npy";

    private NpzReader() {
    }

    static TensorFile read(Path file, FileChannel channel) throws IOException {
        List<ZipEntryInfo> entries;
        try {
            entries = ZipDirectory.read(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        long memory = Runtime.getRuntime().maxMemory();
        long inflatedBytes = 0;
        for (ZipEntryInfo entry : entries) {
            names.put(entry.name(), tensorName(file, entry.name()));
            if (entry.method() == ZipEntryInfo.DEFLATED) {
                if (entry.size() > memory - inflatedBytes) {
                    throw new InvalidInputException(file + ": entry '" + entry.name() + "' would inflate to "
                            + entry.size() + " bytes; with the entries before it that is more than the " + memory
                            + " bytes of memory Java may use");
                }
                inflatedBytes += entry.size();
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (ZipEntryInfo entry : entries) {
            String name = names.get(entry.name());
            String where = file + ": tensor '" + name + "'";
            try {
                tensors.put(name, entry.method() == ZipEntryInfo.STORED
                        ? readStored(channel, entry, where)
                        : readDeflated(channel, entry, where));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ": " + e.getMessage(), e);
            }
        }
        return new TensorFile(tensors, Map.of());
    }

    private static String tensorName(Path file, String entryName) {
        if (!entryName.endsWith(SUFFIX)) {
            throw new InvalidInputException(file + ": entry '" + entryName + "' is not a .npy array");
        }
        if (entryName.indexOf('\\') >= 0 || entryName.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException(file + ": entry '" + entryName + "' has a path-like name");
        }
        String name = entryName.substring(0, entryName.length() - SUFFIX.length());
        TensorNames.check(name, file + ": entry '" + entryName + "'");
        return name;
    }

    private static Tensor readStored(FileChannel channel, ZipEntryInfo entry, String where)
            throws IOException {
        ByteBuffer array = FileRegions.read(channel, entry.dataOffset(), entry.size());
        checkCrc(array, entry);
        return NpyReader.read(array, where);
    }

    private static Tensor readDeflated(FileChannel channel, ZipEntryInfo entry, String where)
            throws IOException {
        ByteBuffer compressed = FileRegions.read(channel, entry.dataOffset(), entry.compressedSize());
        try (EntryInflater inflater = new EntryInflater(compressed)) {
            ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(entry.size(), NpyHeader.PREFIX_LENGTH));
            inflater.fill(prefix);
            int dataOffset = NpyHeader.dataOffset(prefix.flip());
            if (dataOffset > entry.size()) {
                throw new IllegalArgumentException("truncated: the .npy header needs " + dataOffset
                        + " bytes but the entry declares " + entry.size());
            }
            ByteBuffer head = ByteBuffer.allocate(Math.max(dataOffset, prefix.remaining())).put(prefix);
            inflater.fill(head);
            NpyHeader header = NpyHeader.parse(head.flip());
            long dataBytes = NpyReader.byteSize(header, where);
            NpyReader.checkSize(header, dataBytes, entry.size() - dataOffset, where);
            ByteBuffer data = ByteBuffer.allocate((int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
            inflater.fill(data);
            if (!inflater.atEnd()) {
                throw new IllegalArgumentException("the compressed data holds more than the " + entry.size()
                        + " bytes the entry declares");
            }
            CRC32 crc = new CRC32();
            crc.update(head.rewind());
            crc.update(data.flip());
            checkCrc(crc.getValue(), entry);
            return NpyReader.tensor(header, data.rewind(), where);
        }
    }

    private static void checkCrc(ByteBuffer bytes, ZipEntryInfo entry) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        checkCrc(crc.getValue(), entry);
    }

    private static void checkCrc(long actual, ZipEntryInfo entry) {
        if (actual != entry.crc()) {
            throw new IllegalArgumentException(String.format("damaged entry: CRC-32 is %08x, the archive says %08x",
                    actual, entry.crc()));
        }
    }
}
