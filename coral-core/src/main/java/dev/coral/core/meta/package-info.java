/**
 * The repository database {@code .coral/coral.db}: SQLite (sqlite-jdbc) in WAL mode with a busy timeout
 * and foreign keys on, shared by every thread and process using the repository.
 *
 * <h2>Schema (version 1, in the {@code schema_version} table)</h2>
 * <table>
 *   <caption>Tables</caption>
 *   <tr><th>table</th><th>holds</th></tr>
 *   <tr><td>{@code config}</td><td>settings set by the user (key → value); absent keys take their defaults</td></tr>
 *   <tr><td>{@code tensors}</td><td>one row per stored tensor: id, raw and stored size, codec, delta base and
 *       depth, CRC32C, and either the payload BLOB or the name of its object file</td></tr>
 *   <tr><td>{@code trees}</td><td>one row per tree: id, delta base (or NULL for a whole tree), depth,
 *       number of entries, payload, CRC32C</td></tr>
 *   <tr><td>{@code commits}</td><td>one row per commit: id, tree, parents (32 bytes each), author, time,
 *       message, metrics, generation</td></tr>
 *   <tr><td>{@code branches}, {@code tags}, {@code head}</td><td>the refs; {@code head} holds either a branch
 *       name or a detached commit id</td></tr>
 *   <tr><td>{@code reflog}</td><td>every movement of HEAD and of each branch, indexed by (ref, sequence)</td></tr>
 *   <tr><td>{@code index_entries}</td><td>the CLI's staging index: name → staged tensor, or NULL for a staged removal</td></tr>
 * </table>
 * Ids are 32-byte BLOBs; {@code UNIQUE} on each object id gives the index that abbreviated-id lookup
 * ({@code id BETWEEN low AND high}) and every join use, so no hot path scans a table.
 *
 * <h2>Transactions</h2>
 * {@link dev.coral.core.meta.Database#write} runs work in {@code BEGIN IMMEDIATE} on the single writing
 * connection of a {@code Repository}, serialized in-process by a lock and across processes by SQLite;
 * {@code SQLITE_BUSY} is retried with back-off, never surfaced while it clears. Reads use pooled
 * connections with their prepared statements kept. Durability {@code full} runs the writing connection with
 * {@code synchronous=FULL} (the WAL is fsynced at every commit); {@code process} with
 * {@code synchronous=NORMAL} (a killed process loses nothing; a power cut may lose the last commits).
 */
package dev.coral.core.meta;
