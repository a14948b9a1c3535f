package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.ReflogEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The reflog: every movement of HEAD and of each branch, appended in the transaction that moves it. */
public final class ReflogTable {
    private ReflogTable() {
    }

    public static void append(DbConnection c, String ref, ObjectId oldId, ObjectId newId, long timeMillis,
                              String message) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO reflog (ref, old, new, time, message) VALUES (?, ?, ?, ?, ?)");
        ps.setString(1, ref);
        Ids.bind(ps, 2, oldId);
        Ids.bind(ps, 3, newId);
        ps.setLong(4, timeMillis);
        ps.setString(5, message);
        ps.executeUpdate();
    }

    /** Movements of {@code ref}, newest first. */
    public static List<ReflogEntry> entries(DbConnection c, String ref) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT old, new, time, message FROM reflog WHERE ref = ? ORDER BY seq DESC");
        ps.setString(1, ref);
        List<ReflogEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ReflogEntry(ref, Ids.get(rs, 1), Ids.get(rs, 2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4)));
            }
        }
        return out;
    }
}
