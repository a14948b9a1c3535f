package dev.coral.core.store;

import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A tree's id and contents depend only on its entries, however it was built. */
class TreeTest {
    private static TreeEntry entry(int seed) {
        Tensor t = Tensor.of(new int[] {seed});
        return TreeEntry.of(TensorHasher.id(t), t);
    }

    @Test
    void incrementalChangesGiveTheSameTreeAsBuildingFromScratch() {
        Random random = new Random(42);
        TreeMap<String, TreeEntry> expected = new TreeMap<>();
        Tree tree = Tree.EMPTY;
        for (int step = 0; step < 3000; step++) {
            Map<String, TreeEntry> puts = new HashMap<>();
            Set<String> removals = new HashSet<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                String name = "layer." + random.nextInt(1500) + (random.nextBoolean() ? ".weight" : ".bias");
                if (random.nextInt(4) == 0) {
                    puts.remove(name);
                    removals.add(name);
                } else {
                    removals.remove(name);
                    puts.put(name, entry(random.nextInt()));
                }
            }
            tree = tree.apply(puts, removals);
            expected.keySet().removeAll(removals);
            expected.putAll(puts);
            if (step % 250 == 0 || step == 2999) {
                Tree rebuilt = Tree.of(expected);
                assertEquals(rebuilt.id(), tree.id(), "step " + step);
                assertEquals(expected, tree.entries());
                assertEquals(expected.size(), tree.size());
                for (Map.Entry<String, TreeEntry> e : expected.entrySet()) {
                    assertEquals(e.getValue(), tree.get(e.getKey()));
                }
            }
        }
        assertNull(tree.get("not.there"));
        assertNull(tree.get(""));
    }

    @Test
    void idsTellTreesApartAndNoChangeKeepsTheTree() {
        Tree a = Tree.of(Map.of("x", entry(1), "y", entry(2)));
        assertSame(a, a.apply(Map.of(), Set.of()));
        assertEquals(a.id(), Tree.of(Map.of("y", entry(2), "x", entry(1))).id());
        assertNotEquals(a.id(), Tree.of(Map.of("x", entry(2), "y", entry(1))).id());
        assertNotEquals(a.id(), Tree.of(Map.of("x", entry(1))).id());
        assertEquals(Tree.EMPTY.id(), a.apply(Map.of(), Set.of("x", "y")).id());
        assertEquals(0, a.apply(Map.of(), Set.of("x", "y", "z")).size());
    }
}
