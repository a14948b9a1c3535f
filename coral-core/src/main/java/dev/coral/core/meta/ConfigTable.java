package dev.coral.core.meta;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Repository settings as stored: keys set explicitly and their values. Validation is the caller's. */
public final class ConfigTable {
    private ConfigTable() {
    }

    /** Every key that was set, sorted. */
    public static Map<String, String> all(DbConnection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (ResultSet rs = c.prepare("SELECT key, value FROM config").executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    public static void set(DbConnection c, String key, String value) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO config (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
    }

    public static void unset(DbConnection c, String key) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM config WHERE key = ?");
        ps.setString(1, key);
        ps.executeUpdate();
    }
}
