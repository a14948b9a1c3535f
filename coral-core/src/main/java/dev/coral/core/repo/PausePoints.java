package dev.coral.core.repo;

import dev.coral.core.error.CoralException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points inside the commit protocol where a crash test can stop a real process before killing it.
 * Disabled unless the JVM was started with {@code -Dcoral.test.pauseAt=NAME -Dcoral.test.pauseSignal=FILE}:
 * then reaching {@code NAME} writes {@code FILE} and blocks the thread until the process is killed.
 * The points are {@value #OBJECTS_WRITTEN}, {@value #BEFORE_SQL_COMMIT} and {@value #AFTER_SQL_COMMIT}, and
 * in a repack {@value #REPACK_ENCODED} and {@value #REPACK_REPLACED}.
 */
final class PausePoints {
    /** Tensors encoded and object files written; the commit transaction has not begun. */
    static final String OBJECTS_WRITTEN = "commit.objects-written";
    /** Inside the commit transaction, every row written, before {@code COMMIT}. */
    static final String BEFORE_SQL_COMMIT = "commit.before-sql-commit";
    /** The transaction committed; the caller has not been told yet. */
    static final String AFTER_SQL_COMMIT = "commit.after-sql-commit";
    /** Repack: a tensor's new form is encoded (and its file written); its row is not replaced yet. */
    static final String REPACK_ENCODED = "repack.encoded";
    /** Repack: a tensor's row was replaced and committed; its old object file, if any, is not deleted yet. */
    static final String REPACK_REPLACED = "repack.replaced";

    private static final String PAUSE_AT = System.getProperty("coral.test.pauseAt");
    private static final String SIGNAL = System.getProperty("coral.test.pauseSignal");

    private PausePoints() {
    }

    static void reach(String point) {
        if (PAUSE_AT == null || !PAUSE_AT.equals(point)) {
            return;
        }
        try {
            Files.writeString(Path.of(SIGNAL), point);
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (IOException | InterruptedException e) {
            throw new CoralException("pause point " + point + " failed: " + e, e);
        }
    }
}
