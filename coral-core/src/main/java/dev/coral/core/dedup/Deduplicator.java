package dev.coral.core.dedup;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.error.CoralException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory deduplication, exactly what QA workload 2 measures: each added tensor is hashed (exact
 * duplicates are stored once), matched against the references seen so far (sketch lookup, then full
 * cosine ≥ threshold), and stored either whole, as the reference of a new group, or as a lossless
 * delta against its group's reference. Every tensor can be read back bit-exactly with {@link #get}.
 *
 * <p>{@link #add} hashes and matches on the caller's thread and returns the id; encoding (delta,
 * shuffle, zstd, verification) runs on a pool of encoder threads. {@link #stats()}, {@link #get} and
 * {@link #flush()} wait for the pending encodings, so timing {@code add}s followed by {@code flush()}
 * measures all of the work.
 *
 * <pre>{@code
 * try (Deduplicator dedup = new Deduplicator(0.95, CodecSettings.DEFAULT)) {
 *     ObjectId a = dedup.add(base);
 *     ObjectId b = dedup.add(base.plus(noise));   // stored as a delta against base
 *     DedupStats s = dedup.stats();                // groups 1, deltas 1
 *     dedup.get(b);                                // bit-exact
 * }
 * }</pre>
 */
public final class Deduplicator implements AutoCloseable {
    /** A stored tensor: its encoding (pending or done) and the reference it is a delta against, if any. */
    private record Stored(CompletableFuture<EncodedTensor> encoding, ObjectId reference, long logicalBytes) {
    }

    private final TensorCodec codec;
    private final SimilarityIndex index = new InMemorySimilarityIndex();
    private final SimilarityFinder finder;
    private final Map<ObjectId, Tensor> references = new ConcurrentHashMap<>();
    private final Map<ObjectId, Stored> stored = new ConcurrentHashMap<>();
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong addedBytes = new AtomicLong();
    private final ExecutorService encoders;

    /** Threshold {@value SimilarityFinder#DEFAULT_THRESHOLD} and the default codec settings. */
    public Deduplicator() {
        this(SimilarityFinder.DEFAULT_THRESHOLD, CodecSettings.DEFAULT);
    }

    public Deduplicator(double threshold, CodecSettings settings) {
        this.finder = new SimilarityFinder(index, threshold);
        this.codec = new TensorCodec(settings);
        this.encoders = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "coral-dedup-encoder");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds {@code tensor} and returns its id. Thread-safe. */
    public ObjectId add(Tensor tensor) {
        ObjectId id = TensorHasher.id(tensor);
        added.incrementAndGet();
        addedBytes.addAndGet(tensor.byteSize());
        if (stored.containsKey(id)) {
            return id;
        }
        TensorSketch sketch = TensorSketch.of(tensor);
        Optional<SimilarityFinder.Match> match = finder.find(tensor, sketch, references::get);
        synchronized (this) {
            if (stored.containsKey(id)) {
                return id;
            }
            if (match.isPresent()) {
                BaseCandidate base = new BaseCandidate(match.get().id(), match.get().tensor(), 0);
                stored.put(id, new Stored(encode(tensor, List.of(base)), base.id(), tensor.byteSize()));
            } else {
                references.put(id, tensor);
                index.add(id, sketch);
                stored.put(id, new Stored(encode(tensor, List.of()), null, tensor.byteSize()));
            }
        }
        return id;
    }

    private CompletableFuture<EncodedTensor> encode(Tensor tensor, List<BaseCandidate> bases) {
        return CompletableFuture.supplyAsync(() -> codec.encode(tensor, bases), encoders);
    }

    /**
     * The tensor stored under {@code id}, decoded from its stored payload (and its reference's).
     *
     * @throws NotFoundException when no tensor with that id was added
     */
    public Tensor get(ObjectId id) {
        Stored s = stored.get(id);
        if (s == null) {
            throw new NotFoundException("no tensor " + id.shortHex() + " in this deduplicator");
        }
        return codec.decode(await(s).payload(), this::get);
    }

    /** Waits until every added tensor is encoded. */
    public void flush() {
        stored.values().forEach(Deduplicator::await);
    }

    /** Counts and sizes after every pending encoding has finished. */
    public DedupStats stats() {
        long storedBytes = 0;
        long deltas = 0;
        for (Stored s : stored.values()) {
            EncodedTensor e = await(s);
            storedBytes += e.storedSize();
            deltas += e.codec().isDelta() ? 1 : 0;
        }
        return new DedupStats(added.get(), stored.size(), references.size(), deltas, addedBytes.get(), storedBytes);
    }

    private static EncodedTensor await(Stored s) {
        try {
            return s.encoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoralException("interrupted while waiting for an encoding", e);
        } catch (ExecutionException e) {
            throw new CoralException("encoding a tensor failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the encoder threads; pending encodings are finished first. */
    @Override
    public void close() {
        flush();
        encoders.shutdown();
    }
}
