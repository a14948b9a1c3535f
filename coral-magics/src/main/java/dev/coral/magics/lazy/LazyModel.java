package dev.coral.magics.lazy;

import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only model at one commit: names and metadata at once, each tensor read from storage on first
 * access and then served from the repository's shared {@link TensorCache}. A view keeps the commit it
 * was made for, even when its branch moves later.
 *
 * <pre>{@code
 * LazyModel m = coral.at("main~1");
 * m.names();                        // [fc1.bias, fc1.weight, …]
 * Tensor w = m.tensor("fc1.weight"); // loaded now, cached for every view holding the same content
 * }</pre>
 */
public final class LazyModel {
    private final String ref;
    private final CommitInfo commit;
    private final Map<String, TensorEntry> entries;
    private final Map<ObjectId, String> nameById;
    private final TensorCache cache;
    private final Function<ObjectId, Tensor> loader;

    LazyModel(Repository repository, String ref, CommitInfo commit, List<TensorEntry> tree, TensorCache cache) {
        this.ref = ref;
        this.commit = commit;
        this.cache = cache;
        Map<String, TensorEntry> byName = new LinkedHashMap<>();
        Map<ObjectId, String> byId = new HashMap<>();
        for (TensorEntry e : tree) {
            byName.put(e.name(), e);
            byId.putIfAbsent(e.id(), e.name());
        }
        this.entries = Collections.unmodifiableMap(byName);
        this.nameById = byId;
        String commitHex = commit.id().hex();
        this.loader = id -> repository.read(commitHex, nameById.get(id));
    }

    /** The ref this view was asked for, as written ({@code "main~1"}). */
    public String ref() {
        return ref;
    }

    /** The commit viewed. */
    public CommitInfo commit() {
        return commit;
    }

    /** Tensor names, sorted. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Every tensor's metadata, sorted by name. */
    public List<TensorEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** True when the commit has a tensor named {@code name}. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Metadata of {@code name}. @throws NotFoundException when the commit has no such tensor */
    public TensorEntry entry(String name) {
        TensorEntry e = entries.get(name);
        if (e == null) {
            throw new NotFoundException("commit " + commit.shortId() + " (" + ref + ") has no tensor named '" + name
                    + "'; it has " + entries.size() + " tensors, see names()");
        }
        return e;
    }

    /**
     * The tensor {@code name}: from the cache, or read from storage (verified) and cached.
     *
     * @throws NotFoundException when the commit has no such tensor
     */
    public Tensor tensor(String name) {
        return cache.get(entry(name).id(), loader);
    }

    /** True when {@code name}'s content is in the cache now. */
    public boolean isCached(String name) {
        return cache.contains(entry(name).id());
    }

    /** Number of tensors. */
    public int size() {
        return entries.size();
    }

    /** Raw size of all tensors in bytes. */
    public long bytes() {
        return entries.values().stream().mapToLong(TensorEntry::bytes).sum();
    }

    @Override
    public String toString() {
        return "LazyModel(" + ref + " @ " + commit.shortId() + ", " + entries.size() + " tensors)";
    }
}
