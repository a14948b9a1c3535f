package dev.coral.core.store;

import dev.coral.core.id.ObjectId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * An immutable snapshot of a model: tensor names (sorted by {@link String#compareTo}) mapped to
 * {@link TreeEntry}s. Equal contents always have equal ids.
 *
 * <p>The entries are held in chunks whose boundaries depend only on the names ({@link TreeFormat#endsChunk}),
 * each with its own digest, and the id hashes the chunk digests. A tree derived from another by
 * {@link #apply} shares the chunks the change does not touch, so committing one tensor into a model of
 * thousands costs a few chunks, not a pass over every entry.
 */
public final class Tree {
    /** The tree with no tensors. */
    public static final Tree EMPTY = new Tree(List.of(), 0);

    /** A run of entries and the digest of their serialization. */
    static final class Chunk {
        final String[] names;
        final TreeEntry[] entries;
        final ObjectId digest;

        Chunk(String[] names, TreeEntry[] entries) {
            this.names = names;
            this.entries = entries;
            this.digest = TreeFormat.chunkDigest(names, entries);
        }
    }

    private final List<Chunk> chunks;
    private final int size;
    private final ObjectId id;
    private volatile NavigableMap<String, TreeEntry> view;

    private Tree(List<Chunk> chunks, int size) {
        this.chunks = chunks;
        this.size = size;
        this.id = TreeFormat.id(chunks, size);
    }

    public static Tree of(Map<String, TreeEntry> entries) {
        return EMPTY.apply(entries, Set.of());
    }

    /** This tree with {@code puts} added or replaced and {@code removals} removed (absent names are ignored). */
    public Tree apply(Map<String, TreeEntry> puts, Set<String> removals) {
        if (puts.isEmpty() && removals.isEmpty()) {
            return this;
        }
        TreeSet<String> changed = new TreeSet<>(removals);
        changed.addAll(puts.keySet());
        List<Chunk> result = new ArrayList<>(chunks.size() + 2);
        ChunkBuilder pending = new ChunkBuilder();
        int reused = 0;
        String[] changes = changed.toArray(String[]::new);
        int next = 0;
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            String upperBound = c + 1 < chunks.size() ? chunks.get(c + 1).names[0] : null;
            int end = next;
            while (end < changes.length && (upperBound == null || changes[end].compareTo(upperBound) < 0)) {
                end++;
            }
            if (end == next && pending.isEmpty()) {
                result.add(chunk);
                reused += chunk.names.length;
                continue;
            }
            mergeInto(pending, chunk, Arrays.copyOfRange(changes, next, end), puts, result);
            next = end;
        }
        if (chunks.isEmpty()) {
            mergeInto(pending, null, changes, puts, result);
        }
        pending.closeInto(result);
        return new Tree(List.copyOf(result), reused + pending.added);
    }

    /** Merges {@code chunk}'s entries with the sorted {@code changes} in its range, cutting chunks at boundaries. */
    private static void mergeInto(ChunkBuilder pending, Chunk chunk, String[] changes, Map<String, TreeEntry> puts,
                                  List<Chunk> result) {
        int i = 0;
        int j = 0;
        int n = chunk == null ? 0 : chunk.names.length;
        while (i < n || j < changes.length) {
            int cmp = i == n ? 1 : j == changes.length ? -1 : chunk.names[i].compareTo(changes[j]);
            String name;
            TreeEntry entry;
            if (cmp < 0) {
                name = chunk.names[i];
                entry = chunk.entries[i++];
            } else {
                name = changes[j++];
                entry = puts.get(name);
                if (cmp == 0) {
                    i++;
                }
            }
            if (entry != null) {
                pending.add(name, entry, result);
            }
        }
    }

    /**
     * Entries of the chunk being built, closed into the result after each boundary name; counts every
     * entry that went through it.
     */
    private static final class ChunkBuilder {
        private final List<String> names = new ArrayList<>();
        private final List<TreeEntry> entries = new ArrayList<>();
        int added;

        boolean isEmpty() {
            return names.isEmpty();
        }

        void add(String name, TreeEntry entry, List<Chunk> result) {
            names.add(name);
            entries.add(entry);
            added++;
            if (TreeFormat.endsChunk(name)) {
                closeInto(result);
            }
        }

        void closeInto(List<Chunk> result) {
            if (!names.isEmpty()) {
                result.add(new Chunk(names.toArray(String[]::new), entries.toArray(TreeEntry[]::new)));
                names.clear();
                entries.clear();
            }
        }
    }

    public ObjectId id() {
        return id;
    }

    /** The entry under {@code name}, or null. */
    public TreeEntry get(String name) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks.get(mid).names[0].compareTo(name) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (chunks.isEmpty()) {
            return null;
        }
        Chunk chunk = chunks.get(lo);
        int at = Arrays.binarySearch(chunk.names, name);
        return at >= 0 ? chunk.entries[at] : null;
    }

    public int size() {
        return size;
    }

    /** The entries, sorted by name (unmodifiable; built on first use). */
    public NavigableMap<String, TreeEntry> entries() {
        NavigableMap<String, TreeEntry> v = view;
        if (v == null) {
            TreeMap<String, TreeEntry> all = new TreeMap<>();
            for (Chunk chunk : chunks) {
                for (int i = 0; i < chunk.names.length; i++) {
                    all.put(chunk.names[i], chunk.entries[i]);
                }
            }
            v = Collections.unmodifiableNavigableMap(all);
            view = v;
        }
        return v;
    }

    /** Calls {@code action} for every entry in name order, without building the map of {@link #entries()}. */
    public void forEach(BiConsumer<String, TreeEntry> action) {
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.names.length; i++) {
                action.accept(chunk.names[i], chunk.entries[i]);
            }
        }
    }

    List<Chunk> chunks() {
        return chunks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tree t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Tree(" + id.shortHex() + ", " + size + " tensors)";
    }
}
