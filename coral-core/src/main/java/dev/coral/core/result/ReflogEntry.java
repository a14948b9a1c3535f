package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

import java.time.Instant;

/**
 * One movement of a ref.
 *
 * @param ref     the ref that moved ({@code HEAD} or a branch name)
 * @param oldId   where it pointed before, or null when it was created
 * @param newId   where it points after, or null when it was deleted
 * @param time    when it moved
 * @param message why ({@code "commit: msg"}, {@code "checkout: moving from a to b"}, …)
 */
public record ReflogEntry(String ref, ObjectId oldId, ObjectId newId, Instant time, String message) {
}
