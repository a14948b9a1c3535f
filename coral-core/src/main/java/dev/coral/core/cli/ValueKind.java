package dev.coral.core.cli;

/** What an argument or option value names, so a completer knows what to offer. */
public enum ValueKind {
    /** A commit: branch, tag, (abbreviated) id, {@code HEAD~n}. */
    REF,
    /** {@code REF} or {@code REF:TENSOR}. */
    REF_OR_TENSOR,
    /** An existing branch name. */
    BRANCH,
    /** An existing tag name. */
    TAG,
    /** A tensor name in HEAD's tree or staged. */
    TENSOR,
    /** A file path. */
    FILE,
    /** A directory path. */
    DIRECTORY,
    /** A repository setting key. */
    CONFIG_KEY,
    /** {@code name=value}. */
    METRIC,
    /** A whole number. */
    NUMBER,
    /** Free text (a message, a new name). */
    TEXT
}
