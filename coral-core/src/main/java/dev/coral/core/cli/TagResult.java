package dev.coral.core.cli;

import dev.coral.core.result.TagInfo;

/**
 * A tag {@code coral tag NAME} created or {@code coral tag -d NAME} deleted.
 *
 * @param action what was done
 * @param tag    the tag (for a deletion, as it was)
 */
public record TagResult(RefAction action, TagInfo tag) {
}
