package dev.coral.core.dedup;

import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.codec.XorDelta;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In-memory deduplication, what QA workload 2 measures, in two steps.
 *
 * <p><b>{@link #add}</b> does the work the original system timed: it computes the tensor's id
 * (SHA-256 of the canonical framing; an exact duplicate is held once), looks for a similar reference
 * among those seen so far (sketch lookup, then the cosine of the whole tensors ≥ threshold) and holds
 * the tensor either whole, as the reference of a new group, or as an <em>exact</em> delta against its
 * group's reference: the XOR of the two bit patterns, in memory and uncompressed, from which
 * {@link #get} rebuilds the tensor bit-exactly. For tensors of more than one hash chunk (over 64 KiB)
 * the work is split with a helper thread owned by the deduplicator: it hashes the second half of the
 * chunks (and allocates the array the add keeps) while the adding thread hashes the first half and does
 * the lookup, cosine and delta: the two threads each do about half of the add's work.
 *
 * <p><b>{@link #compress}</b> is the storage step the original system never timed: it encodes every
 * tensor not yet compressed with the codec a repository uses (for a delta: XOR or integer difference
 * against the reference, byte-plane shuffle, zstd; whichever is smallest), checks that the payload
 * decodes to the exact bytes, and then holds the payload instead of the delta. {@link #stats()} runs
 * it first, so its stored bytes are always those payloads.
 *
 * <p>Thread-safe: any number of threads may add, read and compress at once (only one add at a time
 * gets the helper thread; the others hash on their own thread).
 *
 * <pre>{@code
 * try (Deduplicator dedup = new Deduplicator(0.95, CodecSettings.DEFAULT)) {
 *     ObjectId a = dedup.add(base);
 *     ObjectId b = dedup.add(base.plus(noise));   // held as an exact delta against base
 *     dedup.get(b);                                // bit-exact
 *     dedup.compress();                            // shuffle + zstd, verified
 *     DedupStats s = dedup.stats();                // groups 1, deltas 1, stored bytes
 *     dedup.get(b);                                // still bit-exact, now from the compressed payload
 * }
 * }</pre>
 */
public final class Deduplicator implements AutoCloseable {
    /** Tensors up to this size are copied into a buffer each adding thread keeps; larger ones into a new array. */
    static final int SCRATCH_LIMIT = 64 << 20;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * An adding thread's working memory, reused from one add to the next: a copy of the tensor's bytes
     * and its values in rows for the cosine. Writing into memory already in this core's cache is
     * several microseconds cheaper per 160 KB than into a new array, so only the array the
     * deduplicator keeps is new, and it is written once.
     */
    private static final class Scratch {
        private byte[] bytes = new byte[0];
        private final FloatRows rows = new FloatRows();

        /** The tensor's bytes at the start of a reused buffer (a new array above {@link #SCRATCH_LIMIT}). */
        byte[] copyOf(Tensor tensor) {
            int size = Math.toIntExact(tensor.byteSize());
            byte[] copy = size > SCRATCH_LIMIT ? new byte[size] : bytes;
            if (copy.length < size) {
                copy = bytes = new byte[size];
            }
            tensor.data().get(copy, 0, size);
            return copy;
        }

        FloatRows rows(Tensor tensor) {
            rows.load(tensor);
            return rows;
        }
    }

    private final TensorCodec codec;
    private final SimilarityIndex index = new InMemorySimilarityIndex();
    private final SimilarityFinder finder;
    private final Map<ObjectId, Reference> references = new ConcurrentHashMap<>();
    private final Map<ObjectId, StoredTensor> stored = new ConcurrentHashMap<>();
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong addedBytes = new AtomicLong();
    private final HelperThread helper = new HelperThread("coral-dedup-hasher");

    /** Threshold {@value SimilarityFinder#DEFAULT_THRESHOLD} and the default codec settings. */
    public Deduplicator() {
        this(SimilarityFinder.DEFAULT_THRESHOLD, CodecSettings.DEFAULT);
    }

    /**
     * @param threshold the cosine from which a tensor joins a group, in (0, 1]
     * @param settings  the codec used by {@link #compress}
     */
    public Deduplicator(double threshold, CodecSettings settings) {
        this.finder = new SimilarityFinder(index, threshold);
        this.codec = new TensorCodec(settings);
        // a thread's first hash creates its SHA-256 digest (a provider lookup, ~0.1 ms): now, not in the first add
        if (helper.tryFork(() -> TensorHasher.chunks(Tensor.scalar(0f)).hash(0, 1))) {
            helper.join();
        }
    }

    /**
     * Adds {@code tensor}: hashes it, finds a similar reference and computes the exact delta against
     * it (or makes it a new group's reference). Returns its id, {@link TensorHasher#id} of the content.
     * Nothing is compressed here; see {@link #compress}. Thread-safe.
     */
    public ObjectId add(Tensor tensor) {
        SplitHashing hashing = new SplitHashing(tensor);
        Scratch scratch = SCRATCH.get();
        byte[] copy = scratch.copyOf(tensor);
        TensorSketch sketch = TensorSketch.of(tensor);
        Reference reference = similarReference(tensor, sketch, FloatRows.suits(tensor) ? scratch.rows(tensor) : null);
        hashing.hashOwnChunks(copy);
        int size = Math.toIntExact(tensor.byteSize());
        byte[] held = hashing.keptArray();
        if (reference == null) {
            System.arraycopy(copy, 0, held, 0, size);
        } else {
            XorDelta.xor(copy, reference.bits, held, 0, size);
        }
        ObjectId id = hashing.id();
        added.incrementAndGet();
        addedBytes.addAndGet(size);
        if (!stored.containsKey(id)) {
            keep(id, tensor, sketch, reference, held);
        }
        return id;
    }

    /** The reference with the highest cosine at or above the threshold, or null. */
    private Reference similarReference(Tensor tensor, TensorSketch sketch, FloatRows rows) {
        return finder.best(sketch, id -> {
            Reference r = references.get(id);
            return r == null ? Double.NaN : r.cosine(tensor, rows);
        }).map(m -> references.get(m.id())).orElse(null);
    }

    /** Records a new id: as a delta against {@code reference}, or (when null) as a new group's reference. */
    private synchronized void keep(ObjectId id, Tensor tensor, TensorSketch sketch, Reference reference, byte[] held) {
        if (stored.containsKey(id)) {
            return;
        }
        if (reference != null) {
            stored.put(id, StoredTensor.delta(reference, held));
            return;
        }
        Reference whole = Reference.of(id, tensor.dtype(), tensor.shape(), held);
        references.put(id, whole);
        index.add(id, sketch);
        stored.put(id, StoredTensor.whole(whole));
    }

    /**
     * One add's hashing, split with the helper thread: the helper hashes the second half of the chunks
     * (reading the tensor itself) and first allocates the array the add keeps, whose zeroing of new
     * memory would otherwise fall on the adding thread, which has the comparison to do besides its half.
     * Tensors of one chunk, or adds that find the helper busy, do everything on the adding thread.
     */
    private final class SplitHashing {
        private final TensorHasher.Chunks chunks;
        private final int size;
        private final int split;
        private final AtomicReference<byte[]> allocated = new AtomicReference<>();
        private boolean joined;

        SplitHashing(Tensor tensor) {
            chunks = TensorHasher.chunks(tensor);
            size = Math.toIntExact(tensor.byteSize());
            int half = chunks.count() / 2;
            boolean forked = half > 0 && helper.tryFork(() -> {
                allocated.set(new byte[size]);
                chunks.hash(half, chunks.count());
            });
            split = forked ? half : chunks.count();
            joined = !forked;
        }

        /** Hashes the adding thread's chunks, reading them from {@code copy} (the tensor's bytes). */
        void hashOwnChunks(byte[] copy) {
            chunks.hash(0, split, copy);
        }

        /** A new array of the tensor's size, allocated by the helper unless it has not got to it yet. */
        byte[] keptArray() {
            if (allocated.get() == null) {
                join();
            }
            byte[] array = allocated.get();
            return array == null ? new byte[size] : array;
        }

        /** The id, once every chunk is hashed. */
        ObjectId id() {
            join();
            return chunks.id();
        }

        private void join() {
            if (!joined) {
                helper.join();
                joined = true;
            }
        }
    }

    /**
     * The tensor stored under {@code id}, bit-exactly: rebuilt from its delta and reference, or
     * decoded from its payload once compressed.
     *
     * @throws NotFoundException when no tensor with that id was added
     */
    public Tensor get(ObjectId id) {
        StoredTensor s = stored.get(id);
        if (s == null) {
            throw new NotFoundException("no tensor " + id.shortHex() + " in this deduplicator");
        }
        return s.content(codec);
    }

    /**
     * The storage step: encodes every tensor not yet compressed (on all cores), verifies that each
     * payload decodes to the exact bytes, and holds the payloads instead of the deltas.
     */
    public void compress() {
        stored.values().parallelStream().forEach(s -> s.compress(codec));
    }

    /** Counts and sizes; compresses whatever is not compressed yet, so stored bytes are the payloads'. */
    public DedupStats stats() {
        long storedBytes = 0;
        long deltas = 0;
        compress();
        for (StoredTensor s : stored.values()) {
            storedBytes += s.compress(codec).storedSize();
            deltas += s.isDelta() ? 1 : 0;
        }
        return new DedupStats(added.get(), stored.size(), references.size(), deltas, addedBytes.get(), storedBytes);
    }

    /**
     * Stops the helper thread; later adds do all their work on the adding thread. Call once no
     * {@link #add} is running.
     */
    @Override
    public void close() {
        helper.close();
    }
}
