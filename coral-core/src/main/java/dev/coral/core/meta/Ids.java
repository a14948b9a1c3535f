package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Object ids in and out of BLOB columns (32 raw bytes). */
public final class Ids {
    private Ids() {
    }

    public static void bind(PreparedStatement ps, int index, ObjectId id) throws SQLException {
        ps.setBytes(index, id == null ? null : id.toBytes());
    }

    /** The id in {@code column}, or null when the column is NULL. */
    public static ObjectId get(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? null : ObjectId.fromBytes(b);
    }
}
