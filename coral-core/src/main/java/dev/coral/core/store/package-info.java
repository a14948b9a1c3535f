/**
 * The content-addressed object store: tensors, trees and commits, all immutable and named by SHA-256.
 *
 * <h2>Tensors</h2>
 * A tensor's id is {@link dev.coral.core.id.TensorHasher#id} of its content. It is encoded by
 * {@link dev.coral.core.codec.TensorCodec} (raw, byte-plane shuffle + zstd, or an XOR delta against the
 * same-name tensor of the parent commit when dtype and shape match; the codec picks the smallest and checks
 * that it decodes exactly). Where the encoded payload goes depends on its size:
 * <ul>
 *   <li>at most {@value dev.coral.core.store.TensorStore#INLINE_LIMIT} bytes: a BLOB in the {@code tensors}
 *       table, written inside the commit's own transaction, so a commit of 100 small tensors costs one
 *       fsync of the WAL instead of 100 file fsyncs;</li>
 *   <li>larger: a file under a random name, {@code .coral/objects/ab/0123456789abcdef}, created under that
 *       new name (the row that names it is what publishes it, so no rename is needed), fsynced with its
 *       directory, all <em>before</em> the commit transaction that records it, and read back by memory
 *       mapping. The name does not derive from the id, so a large tensor can be written while it is still
 *       being hashed, and two writers storing the same new tensor at the same moment (possibly with
 *       different encodings) never overwrite each other: the row records which file it describes, and the
 *       loser deletes its file once its transaction has committed (a process killed before that leaves an
 *       unreferenced file, which {@code coral gc} deletes).</li>
 * </ul>
 * Every row records the payload's size and CRC32C; every read checks both (and the codec checks its own
 * checksum of the decoded bytes), and fails with {@link dev.coral.core.error.CorruptObjectException}
 * naming the object and suggesting {@code coral fsck}. {@code fsck} additionally decodes every tensor and
 * re-hashes it against its id. A crash between writing a file and committing leaves only an unreferenced
 * file, never a row without its data.
 *
 * <h2>Trees</h2>
 * A {@link dev.coral.core.store.Tree} maps names to (tensor id, dtype, shape). Its id is the SHA-256 of
 * the canonical serialization documented in {@code TreeFormat} (entries sorted by {@link String#compareTo},
 * little-endian integers, UTF-8 strings with a u32 length). To keep a one-tensor commit into a model of
 * thousands of tensors cheap, a tree is stored either whole or as a delta (the changed and removed names)
 * against its parent commit's tree, at most {@value dev.coral.core.store.TreeStore#MAX_DELTA_DEPTH} deltas
 * deep; a load applies the chain and re-hashes the result against the id.
 *
 * <h2>Commits</h2>
 * One row per commit (tree, parents first-parent first, author, time in ms, message, metrics) plus a
 * generation number for ordering the full-graph log. The id is the SHA-256 of the canonical serialization
 * documented in {@link dev.coral.core.store.CommitFormat}; every load recomputes it from the row. Commits
 * with several parents (merges) are ordinary commits.
 *
 * <p>Loaded trees and commits are cached per repository (they are immutable); a transaction never caches
 * what it writes until it has committed.
 */
package dev.coral.core.store;
