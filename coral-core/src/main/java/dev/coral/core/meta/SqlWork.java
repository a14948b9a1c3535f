package dev.coral.core.meta;

import java.sql.SQLException;

/** Work done with a database connection, inside a transaction or a plain read. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(DbConnection c) throws SQLException;
}
