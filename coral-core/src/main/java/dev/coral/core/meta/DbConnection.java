package dev.coral.core.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements kept for reuse. Used by one thread at a time: the
 * {@link Database} hands it out and takes it back.
 */
public final class DbConnection implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    DbConnection(Connection connection) {
        this.connection = connection;
    }

    /** The prepared statement for {@code sql}, prepared once per connection; parameters are cleared. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Runs a statement without parameters or results (DDL, PRAGMA, BEGIN / COMMIT). */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * The JDBC connection, for components that keep their own prepared statements on it (the similarity
     * index). Same rules: one thread at a time, and no commit or rollback outside {@link Database#write}.
     */
    public Connection jdbc() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
        connection.close();
    }
}
