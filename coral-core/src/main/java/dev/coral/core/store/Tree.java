package dev.coral.core.store;

import dev.coral.core.id.ObjectId;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable snapshot of a model: tensor names (sorted by {@link String#compareTo}) mapped to
 * {@link TreeEntry}s. Its id is the SHA-256 of its canonical serialization ({@link TreeFormat}), so equal
 * contents always have equal ids.
 */
public final class Tree {
    /** The tree with no tensors. */
    public static final Tree EMPTY = of(Map.of());

    private final ObjectId id;
    private final NavigableMap<String, TreeEntry> entries;

    private Tree(NavigableMap<String, TreeEntry> entries) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
        this.id = TreeFormat.id(this.entries);
    }

    public static Tree of(Map<String, TreeEntry> entries) {
        return new Tree(new TreeMap<>(entries));
    }

    /** This tree with {@code puts} added or replaced and {@code removals} removed (absent names are ignored). */
    public Tree apply(Map<String, TreeEntry> puts, Set<String> removals) {
        TreeMap<String, TreeEntry> next = new TreeMap<>(entries);
        next.keySet().removeAll(removals);
        next.putAll(puts);
        return new Tree(next);
    }

    public ObjectId id() {
        return id;
    }

    /** The entry under {@code name}, or null. */
    public TreeEntry get(String name) {
        return entries.get(name);
    }

    public int size() {
        return entries.size();
    }

    /** The entries, sorted by name (unmodifiable). */
    public NavigableMap<String, TreeEntry> entries() {
        return entries;
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
        return "Tree(" + id.shortHex() + ", " + entries.size() + " tensors)";
    }
}
