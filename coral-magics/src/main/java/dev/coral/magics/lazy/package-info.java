/**
 * The {@link dev.coral.magics.lazy.Coral} entry point: lazy model views
 * ({@link dev.coral.magics.lazy.LazyModel}) whose tensors load on first access through one
 * {@link dev.coral.magics.lazy.TensorCache} per {@code Coral} object.
 *
 * <p>The cache is keyed by tensor id (a content hash), so views of different commits share every tensor
 * they have in common and an entry never goes stale. It is bounded by bytes: Caffeine's weigher counts
 * KiB so that a tensor above 2 GiB still weighs less than {@code Integer.MAX_VALUE}. A hit is one
 * name lookup in the view plus one cache lookup. Loads go through {@code Repository.read}, which verifies
 * the bytes, and never through the engine's own model-view cache, so a tensor is held once.
 */
package dev.coral.magics.lazy;
