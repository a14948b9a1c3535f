package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Branches, tags and HEAD. Every method runs on the connection given, inside or outside a transaction. */
public final class RefTable {
    private RefTable() {
    }

    public static Head head(DbConnection c) throws SQLException {
        try (ResultSet rs = c.prepare("SELECT branch, detached FROM head WHERE singleton = 1").executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the head row is missing");
            }
            return new Head(rs.getString(1), Ids.get(rs, 2));
        }
    }

    public static void setHead(DbConnection c, Head head) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE head SET branch = ?, detached = ? WHERE singleton = 1");
        ps.setString(1, head.branch());
        Ids.bind(ps, 2, head.detached());
        ps.executeUpdate();
    }

    /** The commit {@code head} names: its detached commit, or its branch's tip (null when the branch has no commit). */
    public static ObjectId commitOf(DbConnection c, Head head) throws SQLException {
        return head.isDetached() ? head.detached() : branch(c, head.branch());
    }

    /** The commit HEAD names (see {@link #commitOf}). */
    public static ObjectId headCommit(DbConnection c) throws SQLException {
        return commitOf(c, head(c));
    }

    /** The tip of {@code branch}, or null when it does not exist. */
    public static ObjectId branch(DbConnection c, String branch) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT tip FROM branches WHERE name = ?");
        ps.setString(1, branch);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Ids.get(rs, 1) : null;
        }
    }

    /** Creates or moves {@code branch}. */
    public static void setBranch(DbConnection c, String branch, ObjectId tip) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO branches (name, tip) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET tip = excluded.tip");
        ps.setString(1, branch);
        Ids.bind(ps, 2, tip);
        ps.executeUpdate();
    }

    public static boolean deleteBranch(DbConnection c, String branch) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM branches WHERE name = ?");
        ps.setString(1, branch);
        return ps.executeUpdate() > 0;
    }

    /** Every branch and its tip, sorted by name. */
    public static Map<String, ObjectId> branches(DbConnection c) throws SQLException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        try (ResultSet rs = c.prepare("SELECT name, tip FROM branches ORDER BY name").executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), Ids.get(rs, 2));
            }
        }
        return out;
    }

    /** The tag {@code name}, or null. */
    public static TagRecord tag(DbConnection c, String name) throws SQLException {
        PreparedStatement ps = c.prepare(TAG_SELECT + " WHERE name = ?");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? tagRow(rs) : null;
        }
    }

    /** Every tag, sorted by name. */
    public static List<TagRecord> tags(DbConnection c) throws SQLException {
        List<TagRecord> out = new ArrayList<>();
        try (ResultSet rs = c.prepare(TAG_SELECT + " ORDER BY name").executeQuery()) {
            while (rs.next()) {
                out.add(tagRow(rs));
            }
        }
        return out;
    }

    public static void insertTag(DbConnection c, TagRecord tag) throws SQLException {
        PreparedStatement ps = c.prepare(
                "INSERT INTO tags (name, target, message, metrics, tagger, time) VALUES (?, ?, ?, ?, ?, ?)");
        ps.setString(1, tag.name());
        Ids.bind(ps, 2, tag.target());
        ps.setString(3, tag.message());
        ps.setString(4, MetricsText.format(tag.metrics()));
        ps.setString(5, tag.tagger());
        ps.setLong(6, tag.timeMillis());
        ps.executeUpdate();
    }

    public static boolean deleteTag(DbConnection c, String name) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM tags WHERE name = ?");
        ps.setString(1, name);
        return ps.executeUpdate() > 0;
    }

    private static final String TAG_SELECT = "SELECT name, target, message, metrics, tagger, time FROM tags";

    private static TagRecord tagRow(ResultSet rs) throws SQLException {
        return new TagRecord(rs.getString(1), Ids.get(rs, 2), rs.getString(3), MetricsText.parse(rs.getString(4)),
                rs.getString(5), rs.getLong(6));
    }
}
