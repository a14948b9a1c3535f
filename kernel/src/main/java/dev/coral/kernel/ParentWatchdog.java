package dev.coral.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it (Jupyter, named by {@code JPY_PARENT_PID}) dies,
 * so a crashed client leaves no orphaned kernel JVM behind.
 */
final class ParentWatchdog {

    private ParentWatchdog() {
    }

    /**
     * Calls {@code onParentExit} once the parent named by {@code parentPid} has exited (at once if it
     * is gone already). Does nothing when {@code parentPid} is null or blank: no parent to watch.
     */
    static void watch(String parentPid, Runnable onParentExit) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parentPid.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JPY_PARENT_PID is not a process id: " + parentPid, e);
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isPresent()) {
            parent.get().onExit().thenRun(onParentExit);
        } else {
            onParentExit.run();
        }
    }
}
