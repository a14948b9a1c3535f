package dev.coral.core.meta;

import dev.coral.core.tensor.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The on-disk staging index shared by every process ({@code coral add}, {@code coral commit}). */
public final class IndexTable {
    private IndexTable() {
    }

    /** Stages {@code row} (a tensor or a removal), replacing what was staged under its name. */
    public static void put(DbConnection c, IndexRow row) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO index_entries (name, tensor, dtype, shape) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET tensor = excluded.tensor, dtype = excluded.dtype, shape = excluded.shape");
        ps.setString(1, row.name());
        Ids.bind(ps, 2, row.tensor());
        ps.setString(3, row.dtype() == null ? null : row.dtype().label());
        ps.setBytes(4, row.shape() == null ? null : shapeBytes(row.shape()));
        ps.executeUpdate();
    }

    public static boolean delete(DbConnection c, String name) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM index_entries WHERE name = ?");
        ps.setString(1, name);
        return ps.executeUpdate() > 0;
    }

    public static void clear(DbConnection c) throws SQLException {
        c.prepare("DELETE FROM index_entries").executeUpdate();
    }

    /** Every staged entry, sorted by name. */
    public static List<IndexRow> rows(DbConnection c) throws SQLException {
        List<IndexRow> out = new ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT name, tensor, dtype, shape FROM index_entries ORDER BY name").executeQuery()) {
            while (rs.next()) {
                String dtype = rs.getString(3);
                byte[] shape = rs.getBytes(4);
                out.add(new IndexRow(rs.getString(1), Ids.get(rs, 2), dtype == null ? null : DType.parse(dtype),
                        shape == null ? null : shapeOf(shape)));
            }
        }
        return out;
    }

    private static byte[] shapeBytes(long[] shape) {
        ByteBuffer b = ByteBuffer.allocate(8 * shape.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long d : shape) {
            b.putLong(d);
        }
        return b.array();
    }

    private static long[] shapeOf(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] shape = new long[bytes.length / 8];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = b.getLong();
        }
        return shape;
    }
}
