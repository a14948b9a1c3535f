package dev.coral.kernel.shell;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each piece of notebook code (a snippet, a magic) on a thread of its own, so that it can be
 * stopped: {@link #interrupt()} interrupts the running threads and, if one still runs after a grace
 * period, stops it with {@link Thread#stop()} (a {@code while (true) {}} never looks at its interrupt
 * flag). The caller waits for the thread and is never the one stopped, so the kernel stays usable.
 *
 * <p>Runs may nest (a magic evaluating an expression runs a snippet): all are stopped together. An
 * interrupt holds until the next {@link #beginCell()}: code of the interrupted cell that had not
 * started yet (the next snippet, while JShell was compiling it) does not start.
 */
public final class UserCodeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(UserCodeRunner.class);

    /** How user code ended. */
    public sealed interface Outcome permits Returned, Threw, Stopped {
    }

    /** The code returned {@code value}. */
    public record Returned(Object value) implements Outcome {
    }

    /** The code threw {@code exception}. */
    public record Threw(Throwable exception) implements Outcome {
    }

    /** The code was stopped by {@link #interrupt()}, or failed after it (an interrupted sleep). */
    public record Stopped() implements Outcome {
    }

    private final Duration grace;
    private final ClassLoader contextLoader;
    private final List<Thread> running = new CopyOnWriteArrayList<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean stopRequested;

    public UserCodeRunner(Duration grace, ClassLoader contextLoader) {
        this.grace = grace;
        this.contextLoader = contextLoader;
    }

    /** Starts a new cell: an interrupt of the previous one no longer applies. */
    public void beginCell() {
        stopRequested = false;
    }

    /** Runs {@code code} on a new thread and waits for it. */
    public Outcome run(Callable<?> code) {
        if (stopRequested) {
            return new Stopped();
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = code.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "notebook-code-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        running.add(thread);
        try {
            thread.start();
            joinUninterruptibly(thread);
        } finally {
            running.remove(thread);
        }
        if (stopRequested && failure[0] != null) {
            return new Stopped();
        }
        return failure[0] != null ? new Threw(failure[0]) : new Returned(result[0]);
    }

    /**
     * Interrupts the code running now; stops it after the grace period if it is still running. Returns
     * at once.
     */
    public void interrupt() {
        stopRequested = true;
        List<Thread> targets = List.copyOf(running);
        if (targets.isEmpty()) {
            return;
        }
        targets.forEach(Thread::interrupt);
        Thread stopper = new Thread(() -> stopAfterGrace(targets), "notebook-code-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether code is running now. */
    public boolean isBusy() {
        return !running.isEmpty();
    }

    private void stopAfterGrace(List<Thread> targets) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (int i = targets.size() - 1; i >= 0; i--) {
            Thread t = targets.get(i);
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive() && running.contains(t)) {
                stop(t);
            }
        }
    }

    /** Thread.stop is the only way to end a loop that ignores interrupts; Java 20+ no longer allows it. */
    @SuppressWarnings("deprecation")
    private static void stop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            LOG.warn("cannot stop {}: this Java no longer supports Thread.stop; the cell runs on", thread.getName());
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
