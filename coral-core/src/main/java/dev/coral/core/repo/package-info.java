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
 * <p><b>Write-ahead log.</b> {@code WalBound} folds the log into the database after a commit once it exceeds
 * an eighth of the database: measured on QA workload 3 (85 weights of 100×100 float32, one commit each),
 * this took the repository from 66 to 29 KiB per weight. The commit is durable before the checkpoint
 * starts, so the checkpoint runs on a daemon thread of the repository (at most one waiting behind the one
 * running) and the commit returns without waiting for it; {@code Repository.close()} waits for the one in
 * flight. Run on the committing thread it cost about a quarter of the sequential commit throughput with
 * durability {@code process} (a checkpoint costs two fsyncs there).
 */
package dev.coral.core.repo;
