package dev.coral.core.result;

import java.util.List;

/**
 * The movements of a ref, newest first.
 *
 * @param ref     the ref ({@code HEAD} or a branch name)
 * @param entries its movements, newest first
 */
public record ReflogResult(String ref, List<ReflogEntry> entries) {
    public ReflogResult {
        entries = List.copyOf(entries);
    }
}
