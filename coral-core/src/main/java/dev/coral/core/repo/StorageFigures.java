package dev.coral.core.repo;

import dev.coral.core.codec.Codec;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.TagRecord;
import dev.coral.core.result.CodecUsage;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.DepthCount;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StorageBreakdown;
import dev.coral.core.store.StoredTensorInfo;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The storage figures of {@code coral stats}: per-codec counts and bytes, dedup hits, the delta chain depth
 * histogram and the logical-to-stored ratio, for the whole repository or for one commit. Everything comes
 * from the database records (tree entries and the {@code tensors} rows); no tensor is decoded.
 */
final class StorageFigures {
    private final Stores stores;

    StorageFigures(Stores stores) {
        this.stores = stores;
    }

    /** The repository-wide breakdown; {@code storedBytes} is the size of the {@code .coral} directory. */
    StorageBreakdown ofRepository(DbConnection c, long storedBytes) throws SQLException {
        Map<ObjectId, Set<String>> namesById = new HashMap<>();
        Map<ObjectId, Long> rawById = new HashMap<>();
        stores.trees.forEachVersion(c, (name, e) -> {
            namesById.computeIfAbsent(e.id(), id -> new HashSet<>()).add(name);
            rawById.put(e.id(), e.bytes());
        });
        long versions = 0;
        long versionBytes = 0;
        for (Map.Entry<ObjectId, Set<String>> e : namesById.entrySet()) {
            versions += e.getValue().size();
            versionBytes += e.getValue().size() * rawById.get(e.getKey());
        }
        Map<Codec, long[]> codecs = new EnumMap<>(Codec.class);
        Map<Integer, Long> depths = new TreeMap<>();
        try (ResultSet rs = c.prepare("SELECT codec, depth, count(*), sum(raw_size), sum(stored_size) FROM tensors "
                + "GROUP BY codec, depth").executeQuery()) {
            while (rs.next()) {
                long objects = rs.getLong(3);
                Codec codec = codecNamed(rs.getString(1));
                if (codec != null) {
                    long[] sums = codecs.computeIfAbsent(codec, k -> new long[3]);
                    sums[0] += objects;
                    sums[1] += rs.getLong(4);
                    sums[2] += rs.getLong(5);
                }
                depths.merge(rs.getInt(2), objects, Long::sum);
            }
        }
        return breakdown(versionBytes, versions - namesById.size(), codecs, depths, storedBytes);
    }

    /** The figures of commit {@code commit}'s tree, named {@code ref}. */
    StatsResult ofCommit(DbConnection c, String ref, CommitInfo commit) throws SQLException {
        Tree tree = stores.trees.load(c, commit.tree());
        Set<ObjectId> inParents = new HashSet<>();
        for (ObjectId parent : commit.parents()) {
            stores.treeOf(c, parent).forEach((name, e) -> inParents.add(e.id()));
        }
        Map<ObjectId, TreeEntry> distinct = new HashMap<>();
        long versionBytes = 0;
        for (TreeEntry e : tree.entries().values()) {
            distinct.putIfAbsent(e.id(), e);
            versionBytes += e.bytes();
        }
        long newContents = distinct.keySet().stream().filter(id -> !inParents.contains(id)).count();
        Map<Codec, long[]> codecs = new EnumMap<>(Codec.class);
        Map<Integer, Long> depths = new TreeMap<>();
        long raw = 0;
        long encoded = 0;
        long deltas = 0;
        for (ObjectId id : distinct.keySet()) {
            StoredTensorInfo info = stores.tensors.info(id);
            raw += info.rawSize();
            encoded += info.storedSize();
            deltas += info.codec().isDelta() ? 1 : 0;
            long[] sums = codecs.computeIfAbsent(info.codec(), k -> new long[3]);
            sums[0]++;
            sums[1] += info.rawSize();
            sums[2] += info.storedSize();
            depths.merge(info.depth(), 1L, Long::sum);
        }
        long stored = encoded + basesOutside(distinct.keySet());
        long branches = RefTable.branches(c).values().stream().filter(commit.id()::equals).count();
        long tags = RefTable.tags(c).stream().map(TagRecord::target).filter(commit.id()::equals).count();
        return new StatsResult(ref, 1, branches, tags, tree.size(), distinct.size(), raw, encoded, deltas, stored,
                breakdown(versionBytes, tree.size() - newContents, codecs, depths, stored));
    }

    /** Encoded bytes of the delta bases that {@code ids} need (transitively) and that are not among them. */
    private long basesOutside(Set<ObjectId> ids) {
        Set<ObjectId> counted = new HashSet<>();
        long bytes = 0;
        for (ObjectId id : ids) {
            ObjectId base = stores.tensors.info(id).base();
            while (base != null && !ids.contains(base) && counted.add(base)) {
                StoredTensorInfo info = stores.tensors.info(base);
                bytes += info.storedSize();
                base = info.base();
            }
        }
        return bytes;
    }

    private static StorageBreakdown breakdown(long versionBytes, long dedupHits, Map<Codec, long[]> codecs,
                                              Map<Integer, Long> depths, long storedBytes) {
        List<CodecUsage> usage = new ArrayList<>();
        codecs.forEach((codec, sums) -> usage.add(new CodecUsage(codec, sums[0], sums[1], sums[2])));
        List<DepthCount> histogram = new ArrayList<>();
        depths.forEach((depth, objects) -> histogram.add(new DepthCount(depth, objects)));
        double ratio = storedBytes == 0 ? 0 : (double) versionBytes / storedBytes;
        return new StorageBreakdown(versionBytes, dedupHits, usage, histogram, ratio);
    }

    /** The codec a row names, or null for one this build does not know (fsck reports those). */
    private static Codec codecNamed(String name) {
        try {
            return Codec.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
