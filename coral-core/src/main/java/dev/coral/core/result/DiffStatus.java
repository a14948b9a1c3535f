package dev.coral.core.result;

/** How a tensor name differs between two trees. */
public enum DiffStatus {
    /** Present only in the newer tree (and its content is not a renamed tensor). */
    ADDED,
    /** Present only in the older tree (and its content did not move to another name). */
    REMOVED,
    /** Present in both under the same name with different content. */
    MODIFIED,
    /** The same content moved from one name (removed) to another (added). */
    RENAMED
}
