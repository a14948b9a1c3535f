package dev.coral.core.store;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;
import dev.coral.core.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Serializations of trees (version 1, integers little-endian, strings as u32 UTF-8 length + bytes):
 * <pre>
 *   full tree  = "coral-tree-v1" 0x00 | count u32 | entry...            (entries sorted by name)
 *   entry      = name string | tensor id (32 bytes) | dtype label string | rank u32 | dims i64...
 *   tree id    = SHA-256(full tree)
 *
 *   delta      = "coral-tree-delta-v1" 0x00 | count u32 | change...     (sorted by name)
 *   change     = 0x01 entry   (name now maps to entry)
 *              | 0x00 name string   (name removed)
 * </pre>
 * A delta is stored against a base tree; applying it to the base gives the full tree, whose id is checked.
 */
final class TreeFormat {
    private static final byte[] FULL_MAGIC = "coral-tree-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELTA_MAGIC = "coral-tree-delta-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_ENTRY_BYTES = 4 + ObjectId.LENGTH + 4 + 4;

    private TreeFormat() {
    }

    static ObjectId id(NavigableMap<String, TreeEntry> entries) {
        return full(entries).sha256();
    }

    static byte[] fullBytes(Tree tree) {
        return full(tree.entries()).toBytes();
    }

    private static CanonicalWriter full(NavigableMap<String, TreeEntry> entries) {
        CanonicalWriter w = new CanonicalWriter(FULL_MAGIC.length + 4 + entries.size() * 96);
        w.raw(FULL_MAGIC).u32(entries.size());
        entries.forEach((name, e) -> entry(w, name, e));
        return w;
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
        DType dtype;
        try {
            dtype = DType.parse(label);
        } catch (InvalidInputException e) {
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
