package dev.coral.core.dedup;

import dev.coral.core.id.ObjectId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link SimilarityIndex} held in this process's memory; thread-safe. For tensors that only need to
 * be compared within one run (the {@link Deduplicator}); a repository uses {@link SqliteSimilarityIndex}.
 */
public final class InMemorySimilarityIndex implements SimilarityIndex {
    private record Entry(ObjectId id, TensorSketch sketch) {
    }

    private final Map<Long, List<Entry>> buckets = new HashMap<>();
    private final Set<ObjectId> indexed = new HashSet<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public void add(ObjectId id, TensorSketch sketch) {
        if (!sketch.isUsable()) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!indexed.add(id)) {
                return;
            }
            Entry entry = new Entry(id, sketch);
            for (long key : sketch.bucketKeys()) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<Candidate> candidates(TensorSketch sketch, double minEstimatedCosine, int limit) {
        if (!sketch.isUsable()) {
            return List.of();
        }
        CandidateRanking ranking = new CandidateRanking(sketch, minEstimatedCosine);
        lock.readLock().lock();
        try {
            for (long key : sketch.bucketKeys()) {
                for (Entry e : buckets.getOrDefault(key, List.of())) {
                    ranking.consider(e.id, e.sketch);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return ranking.best(limit);
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return indexed.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
