package dev.coral.core.repo;

import dev.coral.core.store.TreeEntry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes ready to commit: names mapped to new tree entries, names to remove, and the encoded tensors the
 * commit must record (those not stored yet).
 */
record ChangeSet(Map<String, TreeEntry> puts, Set<String> removals, List<NewTensor> objects) {
    ChangeSet {
        puts = Map.copyOf(puts);
        removals = Set.copyOf(removals);
        objects = List.copyOf(objects);
    }

    boolean isEmpty() {
        return puts.isEmpty() && removals.isEmpty();
    }
}
