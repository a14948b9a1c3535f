package dev.coral.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the central directory of a zip archive (PKWARE APPNOTE, with Zip64), without
 * trusting any size: every offset and length is checked against the file before it is used, member data
 * may not overlap (which defeats overlapping-entry zip bombs), names may not repeat, and only stored or
 * deflated, unencrypted, single-disk archives are accepted. Problems are {@link IllegalArgumentException}s;
 * the caller adds the file name.
 */
final class ZipDirectory {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int EOCD_LENGTH = 22;
    private static final int CENTRAL_LENGTH = 46;
    private static final int LOCAL_LENGTH = 30;
    private static final int MAX_COMMENT = 0xffff;
    private static final long U32 = 0xffffffffL;
    private static final int FLAG_ENCRYPTED = 1;
    private static final int FLAG_UTF8 = 1 << 11;
    /** Central directories larger than this are refused (a million entries is about 50 MB). */
    private static final long MAX_DIRECTORY_BYTES = 256L << 20;

    private final FileChannel channel;
    private final long fileSize;

    private ZipDirectory(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** The archive's entries in central-directory order. */
    static List<ZipEntryInfo> read(FileChannel channel) throws IOException {
        return new ZipDirectory(channel).entries();
    }

    private List<ZipEntryInfo> entries() throws IOException {
        long eocd = findEndOfDirectory();
        ByteBuffer end = bytes(eocd, EOCD_LENGTH);
        int disk = end.getShort(4) & 0xffff;
        int directoryDisk = end.getShort(6) & 0xffff;
        long count = end.getShort(10) & 0xffff;
        long directorySize = end.getInt(12) & U32;
        long directoryOffset = end.getInt(16) & U32;
        if (count == 0xffff || directorySize == U32 || directoryOffset == U32) {
            ByteBuffer zip64 = zip64End(eocd);
            disk = zip64.getInt(16);
            directoryDisk = zip64.getInt(20);
            count = zip64.getLong(32);
            directorySize = zip64.getLong(40);
            directoryOffset = zip64.getLong(48);
        }
        if (disk != 0 || directoryDisk != 0) {
            throw new IllegalArgumentException("multi-disk zip archives are not supported");
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > eocd || directorySize > eocd - directoryOffset) {
            throw new IllegalArgumentException("the central directory (offset " + directoryOffset + ", "
                    + directorySize + " bytes) lies outside the archive");
        }
        if (directorySize > MAX_DIRECTORY_BYTES || count < 0 || count > directorySize / CENTRAL_LENGTH) {
            throw new IllegalArgumentException("the central directory claims " + count + " entries in "
                    + directorySize + " bytes");
        }
        ByteBuffer directory = bytes(directoryOffset, (int) directorySize);
        List<ZipEntryInfo> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < count; i++) {
            ZipEntryInfo entry = centralEntry(directory, directoryOffset);
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("entry '" + entry.name() + "' appears twice");
            }
            entries.add(entry);
        }
        if (directory.hasRemaining()) {
            throw new IllegalArgumentException("the central directory has " + directory.remaining()
                    + " bytes after its " + count + " entries");
        }
        checkNoOverlap(entries, directoryOffset);
        return entries;
    }

    private long findEndOfDirectory() throws IOException {
        if (fileSize < EOCD_LENGTH) {
            throw new IllegalArgumentException("truncated: " + fileSize + " bytes is too short for a zip archive");
        }
        int tailLength = (int) Math.min(fileSize, EOCD_LENGTH + MAX_COMMENT);
        long tailStart = fileSize - tailLength;
        ByteBuffer tail = bytes(tailStart, tailLength);
        for (int at = tailLength - EOCD_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == EOCD_SIGNATURE && at + EOCD_LENGTH + (tail.getShort(at + 20) & 0xffff) == tailLength) {
                return tailStart + at;
            }
        }
        throw new IllegalArgumentException("no zip end-of-central-directory record: the archive is truncated or not a zip");
    }

    private ByteBuffer zip64End(long eocd) throws IOException {
        if (eocd < 20) {
            throw new IllegalArgumentException("the Zip64 end-of-directory locator is missing");
        }
        ByteBuffer locator = bytes(eocd - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            throw new IllegalArgumentException("the Zip64 end-of-directory locator is missing");
        }
        long offset = locator.getLong(8);
        if (offset < 0 || offset > eocd - 20 - 56) {
            throw new IllegalArgumentException("the Zip64 end-of-directory record lies outside the archive");
        }
        ByteBuffer record = bytes(offset, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
            throw new IllegalArgumentException("the Zip64 end-of-directory record is damaged");
        }
        return record;
    }

    private ZipEntryInfo centralEntry(ByteBuffer directory, long directoryOffset) throws IOException {
        long at = directoryOffset + directory.position();
        if (directory.remaining() < CENTRAL_LENGTH || directory.getInt(directory.position()) != CENTRAL_SIGNATURE) {
            throw new IllegalArgumentException("damaged central directory entry at offset " + at);
        }
        int p = directory.position();
        int flags = directory.getShort(p + 8) & 0xffff;
        int method = directory.getShort(p + 10) & 0xffff;
        long crc = directory.getInt(p + 16) & U32;
        long compressedSize = directory.getInt(p + 20) & U32;
        long size = directory.getInt(p + 24) & U32;
        int nameLength = directory.getShort(p + 28) & 0xffff;
        int extraLength = directory.getShort(p + 30) & 0xffff;
        int commentLength = directory.getShort(p + 32) & 0xffff;
        int startDisk = directory.getShort(p + 34) & 0xffff;
        long localOffset = directory.getInt(p + 42) & U32;
        if (directory.remaining() < CENTRAL_LENGTH + nameLength + extraLength + commentLength) {
            throw new IllegalArgumentException("damaged central directory entry at offset " + at);
        }
        byte[] nameBytes = new byte[nameLength];
        directory.position(p + CENTRAL_LENGTH);
        directory.get(nameBytes);
        String name = decodeName(nameBytes, flags);
        ByteBuffer extra = directory.slice().limit(extraLength).order(ByteOrder.LITTLE_ENDIAN);
        directory.position(directory.position() + extraLength + commentLength);

        if (size == U32 || compressedSize == U32 || localOffset == U32 || startDisk == 0xffff) {
            ByteBuffer zip64 = zip64Extra(extra, name);
            size = size == U32 ? read64(zip64, name) : size;
            compressedSize = compressedSize == U32 ? read64(zip64, name) : compressedSize;
            localOffset = localOffset == U32 ? read64(zip64, name) : localOffset;
        }
        if ((flags & FLAG_ENCRYPTED) != 0) {
            throw new IllegalArgumentException("entry '" + name + "' is encrypted");
        }
        if (method != ZipEntryInfo.STORED && method != ZipEntryInfo.DEFLATED) {
            throw new IllegalArgumentException("entry '" + name + "' uses compression method " + method
                    + "; only stored (0) and deflated (8) are supported");
        }
        if (method == ZipEntryInfo.STORED && size != compressedSize) {
            throw new IllegalArgumentException("stored entry '" + name + "' declares " + size + " bytes but "
                    + compressedSize + " stored bytes");
        }
        long dataOffset = localDataOffset(localOffset, nameBytes, name);
        if (compressedSize > fileSize - dataOffset) {
            throw new IllegalArgumentException("entry '" + name + "' declares " + compressedSize
                    + " bytes of data at offset " + dataOffset + " but the archive is only " + fileSize + " bytes");
        }
        return new ZipEntryInfo(name, method, crc, compressedSize, size, dataOffset);
    }

    private static ByteBuffer zip64Extra(ByteBuffer extra, String name) {
        while (extra.remaining() >= 4) {
            int id = extra.getShort() & 0xffff;
            int length = extra.getShort() & 0xffff;
            if (length > extra.remaining()) {
                break;
            }
            ByteBuffer data = extra.slice().limit(length).order(ByteOrder.LITTLE_ENDIAN);
            if (id == 0x0001) {
                return data;
            }
            extra.position(extra.position() + length);
        }
        throw new IllegalArgumentException("entry '" + name + "' lacks the Zip64 sizes its directory entry refers to");
    }

    private static long read64(ByteBuffer zip64, String name) {
        if (zip64.remaining() < 8) {
            throw new IllegalArgumentException("entry '" + name + "' has a truncated Zip64 extra field");
        }
        long value = zip64.getLong();
        if (value < 0) {
            throw new IllegalArgumentException("entry '" + name + "' has a Zip64 size beyond 2^63");
        }
        return value;
    }

    private long localDataOffset(long localOffset, byte[] nameBytes, String name) throws IOException {
        if (localOffset > fileSize - LOCAL_LENGTH) {
            throw new IllegalArgumentException("entry '" + name + "' starts at offset " + localOffset
                    + ", beyond the end of the archive");
        }
        ByteBuffer local = bytes(localOffset, LOCAL_LENGTH);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw new IllegalArgumentException("entry '" + name + "' has no local header at offset " + localOffset);
        }
        int nameLength = local.getShort(26) & 0xffff;
        int extraLength = local.getShort(28) & 0xffff;
        long dataOffset = localOffset + LOCAL_LENGTH + nameLength + extraLength;
        if (dataOffset > fileSize) {
            throw new IllegalArgumentException("entry '" + name + "' has a local header beyond the end of the archive");
        }
        byte[] localName = new byte[nameLength];
        bytes(localOffset + LOCAL_LENGTH, nameLength).get(localName);
        if (!java.util.Arrays.equals(localName, nameBytes)) {
            throw new IllegalArgumentException("entry '" + name + "' has a different name in its local header");
        }
        return dataOffset;
    }

    private static void checkNoOverlap(List<ZipEntryInfo> entries, long directoryOffset) {
        List<ZipEntryInfo> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ZipEntryInfo::dataOffset));
        long previousEnd = 0;
        String previous = null;
        for (ZipEntryInfo e : byOffset) {
            if (e.dataOffset() < previousEnd) {
                throw new IllegalArgumentException("entries '" + previous + "' and '" + e.name()
                        + "' overlap (a zip bomb or a damaged archive)");
            }
            previousEnd = e.dataOffset() + e.compressedSize();
            previous = e.name();
        }
        if (previousEnd > directoryOffset) {
            throw new IllegalArgumentException("entry '" + previous + "' overlaps the central directory");
        }
    }

    private static String decodeName(byte[] bytes, int flags) {
        Charset charset = (flags & FLAG_UTF8) != 0 ? StandardCharsets.UTF_8 : Charset.forName("IBM437");
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("an entry name is not valid " + charset.name());
        }
    }

    private ByteBuffer bytes(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        long position = offset;
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position) < 0) {
                throw new IllegalArgumentException("truncated: expected " + length + " bytes at offset " + offset);
            }
            position = offset + buffer.position();
        }
        return buffer.flip();
    }
}
