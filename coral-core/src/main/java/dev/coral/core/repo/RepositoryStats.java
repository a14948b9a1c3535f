package dev.coral.core.repo;

import dev.coral.core.error.CoralException;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.result.StatsResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

/** Computes {@link StatsResult}: counts from the database and the size of the {@code .coral} directory. */
final class RepositoryStats {
    private RepositoryStats() {
    }

    /**
     * Counts from the database, and the bytes of {@code .coral} measured after folding the write-ahead log
     * into the database (when no other process is using it), so that the figure counts data, not log slack.
     */
    static StatsResult collect(Stores stores) {
        stores.db.checkpoint(true);
        return stores.read(c -> {
            long[] tensorFigures = figures(c,
                    "SELECT count(*), coalesce(sum(raw_size), 0), coalesce(sum(stored_size), 0), count(base) FROM tensors");
            long onDisk = directorySize(stores.root.resolve(Repository.DIR));
            return new StatsResult(null,
                    count(c, "SELECT count(*) FROM commits"),
                    count(c, "SELECT count(*) FROM branches"),
                    count(c, "SELECT count(*) FROM tags"),
                    stores.trees.countTensorVersions(c),
                    tensorFigures[0], tensorFigures[1], tensorFigures[2], tensorFigures[3],
                    onDisk, new StorageFigures(stores).ofRepository(c, onDisk));
        });
    }

    private static long count(DbConnection c, String sql) throws SQLException {
        return figures(c, sql)[0];
    }

    private static long[] figures(DbConnection c, String sql) throws SQLException {
        try (ResultSet rs = c.prepare(sql).executeQuery()) {
            rs.next();
            long[] out = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    /** Bytes of every regular file under {@code dir}; files removed during the walk count as 0. */
    static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(RepositoryStats::sizeOrZero).sum();
        } catch (IOException e) {
            throw new CoralException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new CoralException("cannot measure " + p + ": " + e.getMessage(), e);
        }
    }
}
