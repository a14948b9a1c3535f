package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Head;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.TagRecord;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.store.CommitStore;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a ref spec into a commit id, like git: a base ({@code HEAD}, a branch, a tag, a full or
 * abbreviated commit id of at least {@value #MIN_ABBREV} hex digits, tried in that order) followed by any
 * number of {@code ~n} (n-th first-parent ancestor, {@code ~} alone = {@code ~1}) and {@code ^n} (n-th parent,
 * {@code ^} alone = {@code ^1}, {@code ^0} = the commit itself) suffixes.
 */
final class RefResolver {
    static final int MIN_ABBREV = 4;
    private static final int MAX_SPEC_LENGTH = 1024;

    private final CommitStore commits;

    RefResolver(CommitStore commits) {
        this.commits = commits;
    }

    ObjectId resolve(DbConnection c, String spec) throws SQLException {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("ref is empty; name a branch, tag, commit id or HEAD");
        }
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new InvalidInputException("ref is " + spec.length() + " characters long; the limit is " + MAX_SPEC_LENGTH);
        }
        int cut = firstSuffix(spec);
        List<int[]> steps = parseSuffixes(spec, cut);
        ObjectId id = resolveBase(c, spec.substring(0, cut));
        for (int[] step : steps) {
            if (step[0] == '~') {
                for (int i = 0; i < step[1]; i++) {
                    id = parent(c, id, 1, spec);
                }
            } else if (step[1] > 0) {
                id = parent(c, id, step[1], spec);
            }
        }
        return id;
    }

    /** The suffixes after {@code cut} as (operator, count) pairs, checked before anything is looked up. */
    private static List<int[]> parseSuffixes(String spec, int cut) {
        List<int[]> steps = new java.util.ArrayList<>();
        int at = cut;
        while (at < spec.length()) {
            char op = spec.charAt(at);
            if (op != '~' && op != '^') {
                throw new InvalidInputException("cannot parse ref '" + spec + "': unexpected '" + op + "' at position "
                        + at + "; suffixes are ~N and ^N");
            }
            int digitsEnd = ++at;
            while (digitsEnd < spec.length() && Character.isDigit(spec.charAt(digitsEnd))) {
                digitsEnd++;
            }
            steps.add(new int[] {op, digitsEnd == at ? 1 : parseCount(spec, spec.substring(at, digitsEnd))});
            at = digitsEnd;
        }
        return steps;
    }

    private static int firstSuffix(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch == '~' || ch == '^') {
                return i;
            }
        }
        return spec.length();
    }

    private static int parseCount(String spec, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cannot parse ref '" + spec + "': " + digits + " is too large");
        }
    }

    private ObjectId parent(DbConnection c, ObjectId id, int n, String spec) throws SQLException {
        CommitInfo commit = commits.load(c, id).info();
        if (commit.parents().size() < n) {
            String which = n == 1 ? "no parent" : "no parent " + n + " (it has " + commit.parents().size() + ")";
            throw new NotFoundException("ref '" + spec + "' goes past the history: commit " + id.shortHex() + " has " + which);
        }
        return commit.parents().get(n - 1);
    }

    private ObjectId resolveBase(DbConnection c, String base) throws SQLException {
        if (base.isEmpty()) {
            throw new InvalidInputException("ref has no base before its ~ or ^ suffix; write e.g. HEAD~1");
        }
        if (base.equals("HEAD") || base.equals("@")) {
            return head(c);
        }
        ObjectId branchTip = RefTable.branch(c, base);
        if (branchTip != null) {
            return branchTip;
        }
        TagRecord tag = RefTable.tag(c, base);
        if (tag != null) {
            return tag.target();
        }
        if (isHex(base) && base.length() >= MIN_ABBREV && base.length() <= ObjectId.LENGTH * 2) {
            return byId(c, base);
        }
        throw new NotFoundException("unknown ref '" + base + "': no branch, tag or commit id has that name");
    }

    private ObjectId head(DbConnection c) throws SQLException {
        Head head = RefTable.head(c);
        if (head.isDetached()) {
            return head.detached();
        }
        ObjectId tip = RefTable.branch(c, head.branch());
        if (tip == null) {
            throw new NotFoundException("HEAD is on branch '" + head.branch() + "', which has no commit yet");
        }
        return tip;
    }

    private ObjectId byId(DbConnection c, String hex) throws SQLException {
        String lower = hex.toLowerCase(java.util.Locale.ROOT);
        byte[] low = prefixBound(lower, '0');
        byte[] high = prefixBound(lower, 'f');
        List<ObjectId> matches = commits.idsBetween(c, low, high, 3);
        if (matches.isEmpty()) {
            throw new NotFoundException("no commit id starts with '" + hex + "'");
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("abbreviated id '" + hex + "' is ambiguous: it matches "
                    + matches.stream().map(ObjectId::shortHex).collect(Collectors.joining(", "))
                    + (matches.size() > 2 ? ", …" : "") + "; give more digits");
        }
        return matches.get(0);
    }

    /** The 32-byte id whose hex starts with {@code prefix} and continues with {@code fill}. */
    private static byte[] prefixBound(String prefix, char fill) {
        char[] full = new char[ObjectId.LENGTH * 2];
        Arrays.fill(full, fill);
        prefix.getChars(0, prefix.length(), full, 0);
        return HexFormat.of().parseHex(new String(full));
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'));
    }
}
