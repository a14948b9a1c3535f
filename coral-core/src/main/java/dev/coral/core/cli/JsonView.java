package dev.coral.core.cli;

import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.TensorComparison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value {@code --json} prints for a result record, ready for {@link dev.coral.core.json.Json#write}.
 * Records print as objects of their components (ids as 64 hex digits, times as ISO-8601, enums by
 * name), with two documented shapes made flatter for scripts:
 * <ul>
 *   <li>a diff entry is {@code {"name", "status", "from", "to"}} where {@code from}/{@code to} are the
 *       tensor entries ({@code name, id, dtype, shape, bytes}) or null, plus {@code l2}, {@code cosine},
 *       {@code maxAbsDelta} and {@code fractionChanged} when the tensor was compared;</li>
 *   <li>{@code diff} prints the LIST of its entries; {@code status} prints
 *       {@code {"branch", "head", "detached", "staged": [entries]}}.</li>
 * </ul>
 *
 * <pre>{@code
 * String json = Json.writePretty(JsonView.of(repo.diff("v1", "v2")));
 * }</pre>
 */
public final class JsonView {
    private JsonView() {
    }

    /** The JSON-ready form of {@code result}. */
    public static Object of(Object result) {
        if (result instanceof DiffResult d) {
            return entries(d.entries());
        }
        if (result instanceof StatusResult s) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("branch", s.branch());
            out.put("head", s.head());
            out.put("detached", s.detached());
            out.put("staged", entries(s.staged()));
            return out;
        }
        return result;
    }

    private static List<Map<String, Object>> entries(List<DiffEntry> entries) {
        return entries.stream().map(JsonView::entry).toList();
    }

    /** One diff entry in its flat shape. */
    public static Map<String, Object> entry(DiffEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", e.name());
        out.put("status", e.status());
        out.put("from", e.from());
        out.put("to", e.to());
        TensorComparison c = e.comparison();
        if (c != null) {
            out.put("l2", c.l2());
            out.put("cosine", c.cosine());
            out.put("maxAbsDelta", c.maxAbsDelta());
            out.put("fractionChanged", c.fractionChanged());
        }
        return out;
    }
}
