package dev.coral.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/** The cells executed in this kernel, for Jupyter's history requests (consoles recall them with ↑). */
final class CellHistory implements HistoryManager {

    private static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void record(int executionCount, String code) {
        entries.add(new HistoryEntry(SESSION, executionCount, code, null));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return unique(entries, flags, length);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        return entries.stream()
                .filter(e -> e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop))
                .toList();
    }

    /** {@code pattern} is a glob: {@code *} any text, {@code ?} one character. */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = Pattern.compile(pattern.replace("\\", "\\\\").replace(".", "\\.").replace("*", ".*").replace("?", "."),
                Pattern.DOTALL);
        List<HistoryEntry> matching = entries.stream().filter(e -> glob.matcher(e.getInput()).matches()).toList();
        return unique(matching, flags, length);
    }

    private static List<HistoryEntry> unique(List<HistoryEntry> from, Set<ResultFlag> flags, int length) {
        List<HistoryEntry> selected = from;
        if (flags.contains(ResultFlag.UNIQUE)) {
            Set<String> seen = new LinkedHashSet<>();
            List<HistoryEntry> latestFirst = new ArrayList<>();
            for (int i = from.size() - 1; i >= 0; i--) {
                if (seen.add(from.get(i).getInput())) {
                    latestFirst.add(0, from.get(i));
                }
            }
            selected = latestFirst;
        }
        int size = selected.size();
        return length <= 0 || length >= size ? List.copyOf(selected) : List.copyOf(selected.subList(size - length, size));
    }
}
