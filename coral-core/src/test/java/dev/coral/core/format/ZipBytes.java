package dev.coral.core.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds zip archives byte by byte, so that tests can make the malformed ones {@code ZipOutputStream}
 * refuses to write: repeated names, lying sizes, wrong CRCs, overlapping members, odd methods.
 */
final class ZipBytes {

    /** One member; the fields after {@code content} are what the central directory claims. */
    static final class Member {
        final String name;
        final byte[] content;
        int method = 0;
        int flags = 0;
        Long declaredSize;
        Long crc;
        boolean zip64Size;
        /** When set, the central entry points at this offset instead of the member's own local header. */
        Long localOffset;

        Member(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }
    }

    private final List<Member> members = new ArrayList<>();

    Member add(String name, byte[] content) {
        Member m = new Member(name, content);
        members.add(m);
        return m;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] localOffsets = new long[members.size()];
        byte[][] stored = new byte[members.size()][];
        long[] crcs = new long[members.size()];
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            stored[i] = m.method == 8 ? deflate(m.content) : m.content;
            crcs[i] = m.crc != null ? m.crc : crc(m.content);
            localOffsets[i] = m.localOffset != null ? m.localOffset : out.size();
            out.writeBytes(localHeader(m.name, m.flags, m.method, crcs[i], stored[i].length, m.content.length));
            out.writeBytes(stored[i]);
        }
        long directoryOffset = out.size();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            byte[] name = m.name.getBytes(StandardCharsets.UTF_8);
            long size = m.declaredSize != null ? m.declaredSize : m.content.length;
            byte[] extra = new byte[0];
            if (m.zip64Size) {
                extra = le(12).putShort((short) 1).putShort((short) 8).putLong(size).array();
            }
            ByteBuffer central = le(46 + name.length + extra.length);
            central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) m.flags)
                    .putShort((short) m.method).putInt(0).putInt((int) crcs[i]).putInt(stored[i].length)
                    .putInt(m.zip64Size ? -1 : (int) size).putShort((short) name.length)
                    .putShort((short) extra.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt((int) localOffsets[i]).put(name).put(extra);
            out.writeBytes(central.array());
        }
        long directorySize = out.size() - directoryOffset;
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) members.size())
                .putShort((short) members.size()).putInt((int) directorySize).putInt((int) directoryOffset)
                .putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /** A local file header of a stored member. */
    static byte[] localHeader(String name, long crc, int size) {
        return localHeader(name, 0, 0, crc, size, size);
    }

    private static byte[] localHeader(String name, int flags, int method, long crc, int storedSize, int size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        return le(30 + nameBytes.length).putInt(0x04034b50).putShort((short) 20).putShort((short) flags)
                .putShort((short) method).putInt(0).putInt((int) crc).putInt(storedSize).putInt(size)
                .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes).array();
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[content.length + 1024];
        int n = 0;
        while (!deflater.finished()) {
            n += deflater.deflate(buffer, n, buffer.length - n);
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        deflater.end();
        return Arrays.copyOf(buffer, n);
    }
}
