package dev.coral.core.cli;

import dev.coral.core.result.TagInfo;

import java.util.List;

/**
 * Every tag, sorted by name ({@code coral tag}).
 *
 * @param tags the tags
 */
public record TagListResult(List<TagInfo> tags) {
    public TagListResult {
        tags = List.copyOf(tags);
    }
}
