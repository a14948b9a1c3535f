package dev.coral.core.result;

/**
 * One bar of the delta chain depth histogram.
 *
 * @param depth   deltas a read decodes (0: stored whole)
 * @param objects distinct tensors stored at that depth
 */
public record DepthCount(int depth, long objects) {
}
