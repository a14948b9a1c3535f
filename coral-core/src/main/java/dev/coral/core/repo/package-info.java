/**
 * The user-facing repository API: {@link dev.coral.core.repo.Repository}, sessions, the on-disk index,
 * settings and lazy model views. Every verb returns a record of {@code dev.coral.core.result}.
 *
 * <p><b>Deltas in the commit path.</b> A new tensor is encoded against the base {@code BaseSelector} picks:
 * the same-name tensor of the parent tree, else the most similar tensor stored whole that the persistent
 * similarity index (tables {@code sim_sketch}/{@code sim_bucket} of the repository database, written in the
 * commit transaction) proposes and a full cosine ≥ {@code dedup.threshold} confirms, else a near copy in
 * the same change. {@code Repository.repack()} ({@code Repacker}) re-encodes stored tensors after a setting
 * changes; {@code Repository.stats()} ({@code StorageFigures}) and {@code Repository.storageOf(id)} report
 * how tensors are stored without decoding them.
 *
 * <p><b>Write-ahead log.</b> {@code WalBound} folds the log into the database once the commits since the
 * last fold have logged about an eighth of the database: measured on QA workload 3 (85 weights of 100×100
 * float32, one commit each), bounding the log took the repository from 66 to 29 KiB per weight while open.
 * The commit is durable before the fold starts, so the fold runs on a daemon thread of the repository as
 * passive checkpoints on a connection of their own ({@code Database.checkpoint}), which do not hold up
 * commits; the write lock is taken only when commits outrun them. The log file is restarted, not
 * truncated, because extending a truncated log made each {@code full}-durability commit's fsync dearer.
 * {@code Repository.close()} waits for the fold in flight.
 */
package dev.coral.core.repo;
