package dev.coral.core.meta;

import dev.coral.core.error.CoralException;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database schema, version {@value #VERSION}. See the package documentation for what each table
 * holds. Created once by {@code coral init}; opening a repository only reads the version.
 */
final class Schema {
    static final int VERSION = 1;

    private static final String[] DDL = {
        "CREATE TABLE schema_version (version INTEGER NOT NULL)",
        "CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE tensors (
            id          BLOB    NOT NULL UNIQUE,
            raw_size    INTEGER NOT NULL,
            codec       TEXT    NOT NULL,
            base        BLOB    REFERENCES tensors(id),
            depth       INTEGER NOT NULL,
            stored_size INTEGER NOT NULL,
            crc         INTEGER NOT NULL,
            payload     BLOB,
            file        TEXT,
            CHECK ((payload IS NULL) <> (file IS NULL))
        )""",
        """
        CREATE TABLE trees (
            id      BLOB    NOT NULL UNIQUE,
            base    BLOB    REFERENCES trees(id),
            depth   INTEGER NOT NULL,
            size    INTEGER NOT NULL,
            payload BLOB    NOT NULL,
            crc     INTEGER NOT NULL
        )""",
        """
        CREATE TABLE commits (
            id         BLOB    NOT NULL UNIQUE,
            tree       BLOB    NOT NULL REFERENCES trees(id),
            parents    BLOB    NOT NULL,
            author     TEXT    NOT NULL,
            time       INTEGER NOT NULL,
            message    TEXT    NOT NULL,
            metrics    BLOB    NOT NULL,
            generation INTEGER NOT NULL
        )""",
        "CREATE TABLE branches (name TEXT PRIMARY KEY, tip BLOB NOT NULL REFERENCES commits(id))",
        """
        CREATE TABLE tags (
            name    TEXT    PRIMARY KEY,
            target  BLOB    NOT NULL REFERENCES commits(id),
            message TEXT    NOT NULL,
            metrics BLOB    NOT NULL,
            tagger  TEXT    NOT NULL,
            time    INTEGER NOT NULL
        )""",
        """
        CREATE TABLE head (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            branch    TEXT,
            detached  BLOB REFERENCES commits(id),
            CHECK ((branch IS NULL) <> (detached IS NULL))
        )""",
        """
        CREATE TABLE reflog (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            ref     TEXT    NOT NULL,
            old     BLOB,
            new     BLOB,
            time    INTEGER NOT NULL,
            message TEXT    NOT NULL
        )""",
        "CREATE INDEX reflog_by_ref ON reflog (ref, seq)",
        """
        CREATE TABLE index_entries (
            name   TEXT PRIMARY KEY,
            tensor BLOB REFERENCES tensors(id),
            dtype  TEXT,
            shape  BLOB
        )""",
    };

    private Schema() {
    }

    static void create(DbConnection c) throws SQLException {
        for (String ddl : DDL) {
            c.execute(ddl);
        }
        c.execute("INSERT INTO schema_version (version) VALUES (" + VERSION + ")");
        c.execute("INSERT INTO head (singleton, branch) VALUES (1, 'main')");
    }

    static void check(DbConnection c, Path file) throws SQLException {
        try (ResultSet rs = c.prepare("SELECT version FROM schema_version").executeQuery()) {
            if (!rs.next()) {
                throw new CoralException(file + " has no schema version; it is not a complete Coral repository");
            }
            int version = rs.getInt(1);
            if (version != VERSION) {
                throw new CoralException(file + " has repository format " + version + "; this Coral reads format "
                        + VERSION + (version > VERSION ? ": upgrade Coral" : ""));
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                throw new CoralException(file + " is not a Coral repository database", e);
            }
            throw e;
        }
    }
}
