package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;

import java.util.Map;

/** A tag row. */
public record TagRecord(String name, ObjectId target, String message, Map<String, Double> metrics, String tagger,
                        long timeMillis) {
}
