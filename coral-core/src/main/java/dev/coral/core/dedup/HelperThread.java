package dev.coral.core.dedup;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread to split one call's work in two: the caller {@link #tryFork forks} a task, does its
 * own part and {@link #join joins}.
 *
 * <p>Why not a pool: a 200×200 float32 tensor costs about 50 µs per core to add, and waking a parked
 * pool thread takes tens of microseconds. This thread instead keeps polling for {@value #SPIN_NANOS}
 * ns after each task ({@link Thread#onSpinWait}), so back-to-back calls hand work over within a
 * microsecond; then it parks until the next fork. A task the thread has not picked up by the time the
 * caller joins is taken back and run by the caller, so a busy or descheduled helper costs no more
 * than doing all the work on one thread. One task at a time: {@link #tryFork} refuses while another
 * caller's task is in flight, and that caller does its work alone.
 */
final class HelperThread implements AutoCloseable {
    /** How long the thread polls for a next task before it parks. */
    static final long SPIN_NANOS = 1_000_000;
    private static final int FREE = 0;
    private static final int CLAIMED = 1;
    private static final int POSTED = 2;
    private static final int RUNNING = 3;
    private static final int DONE = 4;
    private static final int SPINS_PER_YIELD = 1024;

    private final AtomicInteger state = new AtomicInteger(FREE);
    private final Thread thread;
    /** Written before POSTED by the forking thread; read after winning POSTED → RUNNING. */
    private Runnable task;
    /** Written by the helper before DONE; read by the forking thread after seeing DONE. */
    private Throwable failure;
    private volatile boolean parked;
    private volatile boolean closed;
    private volatile boolean started;

    /** Starts the thread and returns once it polls for tasks, so that the first fork is picked up at once. */
    HelperThread(String name) {
        thread = new Thread(this::serve, name);
        thread.setDaemon(true);
        thread.start();
        while (!started) {
            Thread.onSpinWait();
        }
    }

    /**
     * Hands {@code task} to the helper. On true the caller must call {@link #join} (from the same
     * thread) before forking again; on false (helper busy or closed) it must run the task itself.
     */
    boolean tryFork(Runnable task) {
        if (closed || !state.compareAndSet(FREE, CLAIMED)) {
            return false;
        }
        this.task = task;
        state.set(POSTED);
        if (parked) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Waits for the forked task, running it here if the helper has not started it; rethrows its failure. */
    void join() {
        if (state.compareAndSet(POSTED, RUNNING)) {
            Runnable mine = task;
            task = null;
            try {
                mine.run();
            } finally {
                state.set(FREE);
            }
            return;
        }
        for (int spins = 1; state.get() != DONE; spins++) {
            if (spins % SPINS_PER_YIELD == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable f = failure;
        failure = null;
        task = null;
        state.set(FREE);
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void serve() {
        started = true;
        long idleSince = System.nanoTime();
        while (!closed) {
            if (state.get() == POSTED && state.compareAndSet(POSTED, RUNNING)) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                state.set(DONE);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parked = true;
                if (state.get() != POSTED && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }

    /** Stops the thread once it has finished its current task. Call after the last {@link #join}. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
