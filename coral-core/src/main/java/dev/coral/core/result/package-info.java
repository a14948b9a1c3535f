/**
 * What every repository verb returns: plain immutable records with no printing logic.
 *
 * <p>The {@code coral} CLI prints these records as text or JSON and the notebook extension renders the
 * same records as HTML, so a record carries data only (ids, names, numbers, times), never formatted
 * text. Lists and maps in records are unmodifiable copies; shapes are {@code List<Long>} so that
 * records compare by value.
 *
 * <pre>{@code
 * try (Repository repo = Repository.open(Path.of("."))) {
 *     LogResult log = repo.log("HEAD", 10, true);
 *     for (LogEntry e : log.entries()) {
 *         System.out.println(e.commit().shortId() + " " + e.commit().message());
 *     }
 * }
 * }</pre>
 */
package dev.coral.core.result;
