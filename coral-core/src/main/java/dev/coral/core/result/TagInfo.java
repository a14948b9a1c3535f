package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An annotated tag: a fixed name for a commit, with a message and metrics.
 *
 * @param name    its name
 * @param target  the commit it names
 * @param message its message (may be empty)
 * @param metrics metrics recorded with it ({@code acc=0.93}), sorted by name
 * @param tagger  who made it
 * @param time    when it was made
 */
public record TagInfo(String name, ObjectId target, String message, Map<String, Double> metrics, String tagger,
                      Instant time) {
    public TagInfo {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
