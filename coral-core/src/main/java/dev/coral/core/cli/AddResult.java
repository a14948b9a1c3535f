package dev.coral.core.cli;

import dev.coral.core.result.TensorEntry;

import java.util.List;

/**
 * What {@code coral add} staged.
 *
 * @param sources the arguments the tensors came from, as given
 * @param staged  every tensor staged, under its final name, in argument order then file order
 */
public record AddResult(List<String> sources, List<TensorEntry> staged) {
    public AddResult {
        sources = List.copyOf(sources);
        staged = List.copyOf(staged);
    }

    /** Sum of the raw sizes of the staged tensors. */
    public long totalBytes() {
        return staged.stream().mapToLong(TensorEntry::bytes).sum();
    }
}
