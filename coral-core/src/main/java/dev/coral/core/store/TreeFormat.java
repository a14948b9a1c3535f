package dev.coral.core.store;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Serializations of trees (version 1, integers little-endian, strings as u32 UTF-8 length + bytes):
 * <pre>
 *   entry      = name string | tensor id (32 bytes) | dtype label string | rank u32 | dims i64...
 *
 *   chunks     = the entries sorted by name ({@link String#compareTo}), cut after every entry whose name
 *                ends a chunk: CRC32C(UTF-8 name) &amp; 31 == 0 (32 entries per chunk on average)
 *   chunk hash = SHA-256( "coral-tree-chunk-v1" 0x00 | count u32 | entry... )
 *   tree id    = SHA-256( "coral-tree-v1" 0x00 | entry count u32 | chunk count u32 | chunk hash... )
 *
 *   full tree  = "coral-tree-v1" 0x00 | count u32 | entry...            (stored form, sorted by name)
 *   delta      = "coral-tree-delta-v1" 0x00 | count u32 | change...     (sorted by name)
 *   change     = 0x01 entry   (name now maps to entry)
 *              | 0x00 name string   (name removed)
 * </pre>
 * Chunk boundaries depend only on names, so the same entries always give the same chunks and the same id,
 * and a change to a few names changes only their chunks. A delta is stored against a base tree; applying it
 * to the base gives the full tree, whose id is checked.
 */
final class TreeFormat {
    private static final byte[] FULL_MAGIC = "coral-tree-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK_MAGIC = "coral-tree-chunk-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELTA_MAGIC = "coral-tree-delta-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_ENTRY_BYTES = 4 + ObjectId.LENGTH + 4 + 4;
    private static final int CHUNK_MASK = 31;
    private static final Map<String, DType> BY_LABEL = new HashMap<>();

    static {
        for (DType d : DType.values()) {
            BY_LABEL.put(d.label(), d);
        }
    }

    private TreeFormat() {
    }

    /** True when {@code name} is the last entry of its chunk. */
    static boolean endsChunk(String name) {
        CRC32C crc = new CRC32C();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & CHUNK_MASK) == 0;
    }

    static ObjectId chunkDigest(String[] names, TreeEntry[] entries) {
        CanonicalWriter w = new CanonicalWriter(CHUNK_MAGIC.length + 4 + names.length * 96);
        w.raw(CHUNK_MAGIC).u32(names.length);
        for (int i = 0; i < names.length; i++) {
            entry(w, names[i], entries[i]);
        }
        return w.sha256();
    }

    static ObjectId id(List<Tree.Chunk> chunks, int size) {
        CanonicalWriter w = new CanonicalWriter(FULL_MAGIC.length + 8 + chunks.size() * ObjectId.LENGTH);
        w.raw(FULL_MAGIC).u32(size).u32(chunks.size());
        for (Tree.Chunk chunk : chunks) {
            w.id(chunk.digest);
        }
        return w.sha256();
    }

    static byte[] fullBytes(Tree tree) {
        CanonicalWriter w = new CanonicalWriter(FULL_MAGIC.length + 4 + tree.size() * 96);
        w.raw(FULL_MAGIC).u32(tree.size());
        for (Tree.Chunk chunk : tree.chunks()) {
            for (int i = 0; i < chunk.names.length; i++) {
                entry(w, chunk.names[i], chunk.entries[i]);
            }
        }
        return w.toBytes();
    }

    /** @param changes name → new entry, or name → null for a removal */
    static byte[] deltaBytes(SortedMap<String, TreeEntry> changes) {
        CanonicalWriter w = new CanonicalWriter(DELTA_MAGIC.length + 4 + changes.size() * 96);
        w.raw(DELTA_MAGIC).u32(changes.size());
        changes.forEach((name, e) -> {
            if (e == null) {
                w.u8(0).string(name);
            } else {
                w.u8(1);
                entry(w, name, e);
            }
        });
        return w.toBytes();
    }

    private static void entry(CanonicalWriter w, String name, TreeEntry e) {
        long[] shape = e.shapeNoCopy();
        w.string(name).id(e.id()).string(e.dtype().label()).u32(shape.length);
        for (long d : shape) {
            w.i64(d);
        }
    }

    static Map<String, TreeEntry> parseFull(byte[] bytes, String what) {
        CanonicalReader r = new CanonicalReader(bytes, what);
        r.expect(FULL_MAGIC);
        int n = r.count(MIN_ENTRY_BYTES);
        Map<String, TreeEntry> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String name = r.string();
            out.put(name, entry(r));
        }
        r.expectEnd();
        return out;
    }

    /** The changes of a delta: puts and removals. */
    record Delta(Map<String, TreeEntry> puts, Set<String> removals) {
    }

    static Delta parseDelta(byte[] bytes, String what) {
        CanonicalReader r = new CanonicalReader(bytes, what);
        r.expect(DELTA_MAGIC);
        int n = r.count(5);
        Map<String, TreeEntry> puts = new TreeMap<>();
        Set<String> removals = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int op = r.u8();
            String name = r.string();
            switch (op) {
                case 0 -> removals.add(name);
                case 1 -> puts.put(name, entry(r));
                default -> throw r.corrupt("has an unknown change kind " + op);
            }
        }
        r.expectEnd();
        return new Delta(puts, removals);
    }

    private static TreeEntry entry(CanonicalReader r) {
        ObjectId id = r.id();
        String label = r.string();
        DType dtype = BY_LABEL.get(label);
        if (dtype == null) {
            throw r.corrupt("names an unknown dtype '" + label + "'");
        }
        int rank = r.count(8);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = r.i64();
            if (shape[d] < 0) {
                throw r.corrupt("has a negative dimension");
            }
        }
        return new TreeEntry(id, dtype, shape);
    }

    static CorruptObjectException mismatch(String what, ObjectId expected, ObjectId actual) {
        return new CorruptObjectException(what + " is corrupt: expected sha256 " + expected.hex() + ", got "
                + actual.hex() + "; run `coral fsck`");
    }
}
