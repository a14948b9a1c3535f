package dev.coral.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it (Jupyter, named by {@code JPY_PARENT_PID}) dies,
 * so a crashed client leaves no orphaned kernel JVM behind.
 */
final class ParentWatchdog {

    private ParentWatchdog() {
    }

    /** Calls {@code onParentExit} once the parent named by {@code parentPid} has exited. */
    static void watch(String parentPid, Runnable onParentExit) {
        parent(parentPid).ifPresent(parent -> parent.onExit().thenRun(onParentExit));
    }

    private static Optional<ProcessHandle> parent(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(parentPid.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JPY_PARENT_PID is not a process id: " + parentPid, e);
        }
    }
}
