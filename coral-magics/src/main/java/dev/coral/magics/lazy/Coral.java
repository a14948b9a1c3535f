package dev.coral.magics.lazy;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;
import dev.coral.magics.render.ShowDetail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The notebook's entry point to a repository: lazy model views over one byte-bounded tensor cache.
 *
 * <pre>{@code
 * Coral coral = Coral.open(Path.of("model-repo"));
 * LazyModel v1 = coral.at("v1");
 * Tensor w = v1.tensor("fc1.weight");     // read once, then cached
 * coral.at("main").tensor("fc1.weight");  // a cache hit if main has the same content
 * coral.cacheStats();                     // size, hit rate, evictions (renders as a table)
 * coral.setCacheMaximum(ByteSize.parse("2g"));
 * coral.repository().log("HEAD", 10, true);
 * }</pre>
 *
 * <p>Every view made by one {@code Coral} shares its cache, keyed by tensor id, so views of different
 * commits share the tensors they have in common. Keep one {@code Coral} per repository in a notebook.
 * Thread-safe.
 */
public final class Coral implements AutoCloseable {
    private final Repository repository;
    private final boolean ownsRepository;
    private final TensorCache cache;

    private Coral(Repository repository, boolean ownsRepository, TensorCache cache) {
        this.repository = repository;
        this.ownsRepository = ownsRepository;
        this.cache = cache;
    }

    /** Opens the repository holding {@code anyDirInside} (walking up like git); {@link #close()} closes it. */
    public static Coral open(Path anyDirInside) {
        return new Coral(Repository.open(anyDirInside), true, TensorCache.builder().build());
    }

    /** {@link #open(Path)} for a path written as text. */
    public static Coral open(String anyDirInside) {
        return open(Path.of(anyDirInside));
    }

    /** Wraps an open repository; {@link #close()} leaves it open. */
    public static Coral open(Repository repository) {
        return open(repository, TensorCache.builder().build());
    }

    /**
     * Wraps an open repository with a cache of your own: a smaller bound, a test executor, or one cache
     * shared by the {@code Coral} objects of several repositories (ids are content hashes, so sharing is safe).
     */
    public static Coral open(Repository repository, TensorCache cache) {
        return new Coral(Objects.requireNonNull(repository, "repository"), false, Objects.requireNonNull(cache, "cache"));
    }

    /** Creates a repository in {@code dir} (see {@link Repository#init}) and opens it. */
    public static Coral init(Path dir) {
        return new Coral(Repository.init(dir), true, TensorCache.builder().build());
    }

    /** The repository, for every verb ({@code log}, {@code diff}, {@code commit}, …). */
    public Repository repository() {
        return repository;
    }

    /** A lazy view of commit {@code ref} (branch, tag, id, {@code HEAD~2} …): names now, tensors on first access. */
    public LazyModel at(String ref) {
        if (ref == null || ref.isBlank() || ref.indexOf(':') >= 0) {
            throw new InvalidInputException("at() takes a commit (branch, tag, id, HEAD~n), got '" + ref
                    + "'; for one tensor use at(REF).tensor(NAME) or show(REF:TENSOR)");
        }
        ShowResult show = repository.show(ref);
        return new LazyModel(repository, ref, show.commit(), show.tree(), cache);
    }

    /**
     * {@link Repository#show} with, for a {@code REF:TENSOR} spec, the histogram of the tensor's values
     * (the tensor is read through the cache).
     */
    public ShowDetail show(String spec) {
        return detail(repository.show(spec));
    }

    /**
     * {@code result} (a {@link Repository#show} of this repository) with, for a tensor, the histogram of
     * its values read through the cache; for a caller that already holds the show result.
     *
     * <pre>{@code
     * ShowDetail d = coral.detail(coral.repository().show("main:fc1.weight"));
     * }</pre>
     */
    public ShowDetail detail(ShowResult result) {
        if (!result.isTensor()) {
            return ShowDetail.of(result);
        }
        TensorEntry entry = result.tensor().entry();
        String commit = result.commit().id().hex();
        Tensor tensor = cache.get(entry.id(), id -> repository.read(commit, entry.name()));
        return ShowDetail.of(result, tensor);
    }

    /** Hits, misses, evictions, bytes held and bound of the shared tensor cache (renders with the hit rate). */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Bounds the cache to {@code bytes} (e.g. {@code ByteSize.parse("2g")}); excess entries are evicted. */
    public void setCacheMaximum(long bytes) {
        cache.setMaximumBytes(bytes);
    }

    /** Empties the cache (statistics are kept). */
    public void clearCache() {
        cache.clear();
    }

    /**
     * Closes the repository when this object opened it. The cache is left as it is: it may be shared
     * with other {@code Coral} objects (see {@link #open(Repository, TensorCache)}); {@link #clearCache()}
     * empties it.
     */
    @Override
    public void close() {
        if (ownsRepository) {
            repository.close();
        }
    }

    @Override
    public String toString() {
        return "Coral(" + repository.root() + ")";
    }
}
