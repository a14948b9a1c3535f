package dev.coral.core.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Ids;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Stores trees in the {@code trees} table. A tree that differs from its parent commit's tree in a few
 * names is stored as a delta against it (at most {@value #MAX_DELTA_DEPTH} deltas deep), so a commit of one
 * tensor into a model of thousands costs one small row instead of a copy of the whole tree. Every load is
 * verified: the row's CRC32C, then the id recomputed from the materialized tree. Loaded trees are cached
 * (they are immutable), weighted by their number of entries.
 */
public final class TreeStore {
    /** Longest chain of deltas a tree load applies. */
    public static final int MAX_DELTA_DEPTH = 32;
    private static final int MIN_DELTA_TREE_SIZE = 16;

    private record StoredTree(Tree tree, int depth) {
    }

    private final Cache<ObjectId, StoredTree> cache = Caffeine.newBuilder()
            .maximumWeight(4_000_000)
            .weigher((ObjectId id, StoredTree t) -> t.tree().size() + 1)
            .build();

    /**
     * The tree {@code id}.
     *
     * @throws CorruptObjectException when it is missing or fails verification
     */
    public Tree load(DbConnection c, ObjectId id) throws SQLException {
        return loadStored(c, id).tree();
    }

    private StoredTree loadStored(DbConnection c, ObjectId id) throws SQLException {
        if (id.equals(Tree.EMPTY.id())) {
            return new StoredTree(Tree.EMPTY, 0);
        }
        StoredTree cached = cache.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        PreparedStatement ps = c.prepare("SELECT base, depth, payload, crc FROM trees WHERE id = ?");
        Ids.bind(ps, 1, id);
        ObjectId base;
        int depth;
        byte[] payload;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new CorruptObjectException("tree " + id.hex() + " is missing from the repository; run `coral fsck`");
            }
            base = Ids.get(rs, 1);
            depth = rs.getInt(2);
            payload = rs.getBytes(3);
            int crc = rs.getInt(4);
            if (crc32c(payload) != crc) {
                throw new CorruptObjectException("tree " + id.hex() + " is corrupt: its checksum does not match; run `coral fsck`");
            }
        }
        String what = "tree " + id.hex();
        Tree tree;
        if (base == null) {
            tree = Tree.of(TreeFormat.parseFull(payload, what));
        } else {
            TreeFormat.Delta delta = TreeFormat.parseDelta(payload, what);
            tree = loadStored(c, base).tree().apply(delta.puts(), delta.removals());
        }
        if (!tree.id().equals(id)) {
            throw TreeFormat.mismatch(what, id, tree.id());
        }
        StoredTree stored = new StoredTree(tree, depth);
        cache.put(id, stored);
        return stored;
    }

    /**
     * Stores {@code tree} unless it is stored already, as a delta against {@code parent} when few names
     * changed. The tree is not cached: the transaction may still roll back. Once it has committed, the caller
     * may {@link #remember} it.
     *
     * @param parent  the tree of the new commit's first parent (stored), or null
     * @param changed the names whose entries differ between {@code parent} and {@code tree}
     * @return the delta depth the tree was stored with, or -1 when it was stored already
     */
    public int save(DbConnection c, Tree tree, Tree parent, java.util.Set<String> changed) throws SQLException {
        if (tree.id().equals(Tree.EMPTY.id()) || cache.getIfPresent(tree.id()) != null) {
            return -1;
        }
        int depth = 0;
        ObjectId base = null;
        byte[] payload = null;
        if (parent != null && !parent.id().equals(Tree.EMPTY.id()) && tree.size() >= MIN_DELTA_TREE_SIZE
                && changed.size() * 4 <= tree.size()) {
            int parentDepth = loadStored(c, parent.id()).depth();
            if (parentDepth < MAX_DELTA_DEPTH) {
                TreeMap<String, TreeEntry> changes = new TreeMap<>();
                for (String name : changed) {
                    changes.put(name, tree.get(name));
                }
                depth = parentDepth + 1;
                base = parent.id();
                payload = TreeFormat.deltaBytes(changes);
            }
        }
        if (payload == null) {
            payload = TreeFormat.fullBytes(tree);
        }
        PreparedStatement ps = c.prepare(
                "INSERT OR IGNORE INTO trees (id, base, depth, size, payload, crc) VALUES (?, ?, ?, ?, ?, ?)");
        Ids.bind(ps, 1, tree.id());
        Ids.bind(ps, 2, base);
        ps.setInt(3, depth);
        ps.setInt(4, tree.size());
        ps.setBytes(5, payload);
        ps.setInt(6, crc32c(payload));
        return ps.executeUpdate() > 0 ? depth : -1;
    }

    /** Caches {@code tree}, stored with delta depth {@code depth} by a transaction that has committed. */
    public void remember(Tree tree, int depth) {
        if (depth >= 0) {
            cache.put(tree.id(), new StoredTree(tree, depth));
        }
    }

    /** Ids of every stored tree (for fsck and stats). */
    public java.util.List<ObjectId> allIds(DbConnection c) throws SQLException {
        java.util.List<ObjectId> out = new java.util.ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT id FROM trees").executeQuery()) {
            while (rs.next()) {
                out.add(Ids.get(rs, 1));
            }
        }
        return out;
    }

    /**
     * Distinct (name, tensor id) pairs over every stored tree: the entries of full trees and the puts of
     * deltas (every entry of a tree is one of those, and each of those is in some tree).
     */
    public long countTensorVersions(DbConnection c) throws SQLException {
        java.util.Set<String> versions = new java.util.HashSet<>();
        forEachVersion(c, (name, e) -> versions.add(e.id().hex() + name));
        return versions.size();
    }

    /**
     * Calls {@code action} for each entry of every full tree and each put of every delta tree, without
     * materializing trees: every (name, tensor id) pair of any tree is visited at least once (some more).
     */
    public void forEachVersion(DbConnection c, java.util.function.BiConsumer<String, TreeEntry> action)
            throws SQLException {
        try (ResultSet rs = c.prepare("SELECT id, base, payload FROM trees").executeQuery()) {
            while (rs.next()) {
                String what = "tree " + Ids.get(rs, 1).hex();
                byte[] payload = rs.getBytes(3);
                java.util.Map<String, TreeEntry> entries = rs.getBytes(2) == null
                        ? TreeFormat.parseFull(payload, what)
                        : TreeFormat.parseDelta(payload, what).puts();
                entries.forEach(action);
            }
        }
    }

    /** Drops cached trees so the next load reads and verifies the stored rows (fsck). */
    public void invalidateCache() {
        cache.invalidateAll();
    }

    static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
