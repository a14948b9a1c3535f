package dev.coral.core.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Ids;
import dev.coral.core.meta.MetricsText;
import dev.coral.core.result.CommitInfo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores commits in the {@code commits} table, one row each (parents packed as 32-byte ids), with a
 * generation number (1 + the largest parent generation) that orders the full-graph log. Every load
 * recomputes the id from the row; loaded commits are cached (they are immutable).
 */
public final class CommitStore {
    /** A commit and its generation number. */
    public record StoredCommit(CommitInfo info, long generation) {
    }

    private final Cache<ObjectId, StoredCommit> cache = Caffeine.newBuilder().maximumSize(100_000).build();

    /** The commit {@code id}, or null when there is none. */
    public StoredCommit find(DbConnection c, ObjectId id) throws SQLException {
        StoredCommit cached = cache.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        PreparedStatement ps = c.prepare(
                "SELECT tree, parents, author, time, message, metrics, generation FROM commits WHERE id = ?");
        Ids.bind(ps, 1, id);
        StoredCommit stored;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            byte[] packed = rs.getBytes(2);
            if (packed.length % ObjectId.LENGTH != 0) {
                throw new CorruptObjectException("commit " + id.hex() + " has a malformed parent list; run `coral fsck`");
            }
            List<ObjectId> parents = new ArrayList<>(packed.length / ObjectId.LENGTH);
            for (int at = 0; at < packed.length; at += ObjectId.LENGTH) {
                parents.add(ObjectId.fromBytes(java.util.Arrays.copyOfRange(packed, at, at + ObjectId.LENGTH)));
            }
            CommitInfo info = new CommitInfo(id, Ids.get(rs, 1), parents, rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), MetricsText.parse(rs.getString(6)));
            ObjectId actual = CommitFormat.recompute(info);
            if (!actual.equals(id)) {
                throw TreeFormat.mismatch("commit " + id.hex(), id, actual);
            }
            stored = new StoredCommit(info, rs.getLong(7));
        }
        cache.put(id, stored);
        return stored;
    }

    /**
     * The commit {@code id}.
     *
     * @throws CorruptObjectException when it is missing (a reference to it exists, so the repository is damaged)
     */
    public StoredCommit load(DbConnection c, ObjectId id) throws SQLException {
        StoredCommit found = find(c, id);
        if (found == null) {
            throw new CorruptObjectException("commit " + id.hex() + " is missing from the repository; run `coral fsck`");
        }
        return found;
    }

    /** Stores {@code commit} (its parents are stored) unless it exists; returns its generation number. */
    public long insert(DbConnection c, CommitInfo commit) throws SQLException {
        long generation = 1;
        byte[] packed = new byte[commit.parents().size() * ObjectId.LENGTH];
        int at = 0;
        for (ObjectId parent : commit.parents()) {
            generation = Math.max(generation, load(c, parent).generation() + 1);
            System.arraycopy(parent.toBytes(), 0, packed, at, ObjectId.LENGTH);
            at += ObjectId.LENGTH;
        }
        PreparedStatement ps = c.prepare("INSERT OR IGNORE INTO commits (id, tree, parents, author, time, message, "
                + "metrics, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Ids.bind(ps, 1, commit.id());
        Ids.bind(ps, 2, commit.tree());
        ps.setBytes(3, packed);
        ps.setString(4, commit.author());
        ps.setLong(5, commit.time().toEpochMilli());
        ps.setString(6, commit.message());
        ps.setString(7, MetricsText.format(commit.metrics()));
        ps.setLong(8, generation);
        ps.executeUpdate();
        return generation;
    }

    /** Caches {@code commit}, stored with {@code generation} by a transaction that has committed. */
    public void remember(CommitInfo commit, long generation) {
        cache.put(commit.id(), new StoredCommit(commit, generation));
    }

    /** Up to {@code limit} commit ids whose bytes lie in [{@code low}, {@code high}] (an abbreviated id's range). */
    public List<ObjectId> idsBetween(DbConnection c, byte[] low, byte[] high, int limit) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT id FROM commits WHERE id >= ? AND id <= ? ORDER BY id LIMIT ?");
        ps.setBytes(1, low);
        ps.setBytes(2, high);
        ps.setInt(3, limit);
        List<ObjectId> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Ids.get(rs, 1));
            }
        }
        return out;
    }

    /** Ids of every stored commit. */
    public List<ObjectId> allIds(DbConnection c) throws SQLException {
        List<ObjectId> out = new ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT id FROM commits").executeQuery()) {
            while (rs.next()) {
                out.add(Ids.get(rs, 1));
            }
        }
        return out;
    }

    /** Drops cached commits so the next load reads and verifies the stored rows (fsck). */
    public void invalidateCache() {
        cache.invalidateAll();
    }
}
