package dev.coral.core.result;

/**
 * One inconsistency found by {@code fsck}.
 *
 * @param object  what is wrong: an object id, a ref name, or a file path
 * @param message what is wrong with it
 */
public record FsckProblem(String object, String message) {
}
