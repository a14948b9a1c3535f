package dev.coral.core.cli;

/**
 * Receives progress of long work (reading files, storing tensors, exporting). The CLI prints a line on
 * stderr; the notebook updates a progress bar in place.
 *
 * <pre>{@code
 * progress.start(files.size(), "reading");
 * for (Path f : files) { read(f); progress.advance(1); }
 * progress.done();
 * }</pre>
 *
 * Calls come from the thread running the command, in the order start, advance…, done; a command may
 * run several such phases one after the other.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(long total, String label) {
        }

        @Override
        public void advance(long amount) {
        }

        @Override
        public void done() {
        }
    };

    /**
     * A phase of work begins.
     *
     * @param total units of work in the phase, or 0 when unknown
     * @param label what is being done ("reading", "exporting")
     */
    void start(long total, String label);

    /** {@code amount} more units are finished. */
    void advance(long amount);

    /** The phase is finished (also called when it failed part-way). */
    void done();
}
