package dev.coral.magics.render;

import dev.coral.core.result.TagInfo;

import java.util.List;

/**
 * The tags of a repository as one value, rendered as a table.
 *
 * <pre>{@code
 * new TagList(repo.tags());
 * }</pre>
 *
 * @param tags the tags, in the order given
 */
public record TagList(List<TagInfo> tags) {
    public TagList {
        tags = List.copyOf(tags);
    }
}
