package dev.coral.magics.progress;

/**
 * Receives the progress of one long operation (an import, a commit of many tensors, a push, gc, fsck).
 * Calls come in the order {@code begin}, any number of {@code update}, {@code end}; they may come from
 * worker threads.
 *
 * <pre>{@code
 * listener.begin("committing", tensors.size(), ProgressUnit.COUNT);
 * for (int i = 0; i < tensors.size(); i++) { store(tensors.get(i)); listener.update(i + 1); }
 * listener.end();
 * }</pre>
 */
public interface ProgressListener {
    /**
     * The operation starts.
     *
     * @param task  what is being done, e.g. {@code "importing model.safetensors"}
     * @param total units of work in all, or 0 when unknown
     * @param unit  what a unit is
     */
    void begin(String task, long total, ProgressUnit unit);

    /** {@code done} units of work are finished so far (a running total, not an increment). */
    void update(long done);

    /** The operation ended (successfully or not). */
    void end();
}
