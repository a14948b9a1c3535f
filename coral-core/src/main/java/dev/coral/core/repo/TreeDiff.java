package dev.coral.core.repo;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorComparison;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares two trees name by name. A name only in the older tree whose content appears under a name only
 * in the newer tree is a rename (paired in name order when several names share one content); other names
 * present on one side only are additions or removals; names on both sides with different entries are
 * modifications, with a {@link TensorComparison} when dtype and shape are unchanged and a loader is given.
 */
final class TreeDiff {
    private TreeDiff() {
    }

    /**
     * @param loader reads a tensor by id for comparisons, or null to skip comparisons
     */
    static List<DiffEntry> diff(Tree from, Tree to, Function<ObjectId, Tensor> loader) {
        List<DiffEntry> out = new ArrayList<>();
        Map<ObjectId, Deque<String>> removedByContent = new HashMap<>();
        List<String> addedNames = new ArrayList<>();
        for (Map.Entry<String, TreeEntry> e : from.entries().entrySet()) {
            TreeEntry after = to.get(e.getKey());
            if (after == null) {
                removedByContent.computeIfAbsent(e.getValue().id(), id -> new ArrayDeque<>()).add(e.getKey());
            } else if (!after.equals(e.getValue())) {
                out.add(modified(e.getKey(), e.getValue(), after, loader));
            }
        }
        for (String name : to.entries().keySet()) {
            if (from.get(name) == null) {
                addedNames.add(name);
            }
        }
        Map<String, String> renamedFrom = new TreeMap<>();
        for (String name : addedNames) {
            Deque<String> sources = removedByContent.get(to.get(name).id());
            if (sources != null && !sources.isEmpty()) {
                renamedFrom.put(name, sources.poll());
            }
        }
        for (String name : addedNames) {
            String old = renamedFrom.get(name);
            TreeEntry after = to.get(name);
            out.add(old == null
                    ? new DiffEntry(name, DiffStatus.ADDED, null, after.toResult(name), null)
                    : new DiffEntry(name, DiffStatus.RENAMED, from.get(old).toResult(old), after.toResult(name), null));
        }
        removedByContent.values().forEach(names -> names.forEach(name ->
                out.add(new DiffEntry(name, DiffStatus.REMOVED, from.get(name).toResult(name), null, null))));
        out.sort(Comparator.comparing(DiffEntry::name).thenComparing(DiffEntry::status));
        return out;
    }

    private static DiffEntry modified(String name, TreeEntry before, TreeEntry after, Function<ObjectId, Tensor> loader) {
        TensorComparison comparison = null;
        if (loader != null && before.sameLayout(after.dtype(), after.shape())) {
            comparison = TensorComparison.of(loader.apply(before.id()), loader.apply(after.id()));
        }
        return new DiffEntry(name, DiffStatus.MODIFIED, before.toResult(name), after.toResult(name), comparison);
    }
}
