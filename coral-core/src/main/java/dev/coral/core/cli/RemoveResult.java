package dev.coral.core.cli;

import java.util.List;

/**
 * What {@code coral rm} did: each name is now staged for removal from the next commit (or, if it was only
 * staged and never committed, unstaged).
 *
 * @param names the names, as given
 */
public record RemoveResult(List<String> names) {
    public RemoveResult {
        names = List.copyOf(names);
    }
}
