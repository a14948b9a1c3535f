package dev.coral.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The cells executed in this kernel, for Jupyter's history requests (consoles recall them with ↑). */
final class CellHistory {

    /** One executed cell: Jupyter's (session, line number, input). */
    record Entry(int session, int line, String input) {
    }

    private static final int SESSION = 1;

    private final List<Entry> entries = new ArrayList<>();

    synchronized void record(int executionCount, String code) {
        entries.add(new Entry(SESSION, executionCount, code));
    }

    /** The last {@code length} cells (all if {@code length <= 0}), oldest first. */
    synchronized List<Entry> tail(int length, boolean unique) {
        return last(unique ? unique(entries) : entries, length);
    }

    /** Cells {@code start} (inclusive) to {@code stop} (exclusive; {@code <= 0}: to the end). */
    synchronized List<Entry> range(int start, int stop) {
        return entries.stream().filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop)).toList();
    }

    /** The last {@code length} cells whose input matches the glob {@code pattern} ({@code *}, {@code ?}). */
    synchronized List<Entry> search(String pattern, int length, boolean unique) {
        Pattern glob = Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
        List<Entry> matching = entries.stream().filter(e -> glob.matcher(e.input()).matches()).toList();
        return last(unique ? unique(matching) : matching, length);
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    /** The latest entry of each input, in order. */
    private static List<Entry> unique(List<Entry> from) {
        Set<String> seen = new LinkedHashSet<>();
        List<Entry> latestFirst = new ArrayList<>();
        for (int i = from.size() - 1; i >= 0; i--) {
            if (seen.add(from.get(i).input())) {
                latestFirst.add(0, from.get(i));
            }
        }
        return latestFirst;
    }

    private static List<Entry> last(List<Entry> from, int length) {
        int size = from.size();
        return length <= 0 || length >= size ? List.copyOf(from) : List.copyOf(from.subList(size - length, size));
    }
}
