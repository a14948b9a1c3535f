package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

/**
 * A branch.
 *
 * @param name    its name
 * @param tip     the commit it points at
 * @param current true when HEAD is on it
 */
public record BranchInfo(String name, ObjectId tip, boolean current) {
}
