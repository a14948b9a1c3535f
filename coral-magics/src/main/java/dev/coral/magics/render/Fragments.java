package dev.coral.magics.render;

import dev.coral.core.id.ObjectId;
import dev.coral.core.result.DiffStatus;
import dev.coral.core.tensor.TensorStats;

import java.util.Locale;
import java.util.Map;

/** Small HTML pieces shared by the record views: ids, badges, inline bars, sizes with exact titles. */
public final class Fragments {
    private Fragments() {
    }

    /** An abbreviated id in monospace with the full id on hover; empty for null. */
    public static Html id(ObjectId id) {
        if (id == null) {
            return Html.empty();
        }
        return Html.titled("coral-mono", id.hex(), Html.text(id.shortHex()));
    }

    /** The 12-digit abbreviation of {@code id}, or {@code "none"} for null (a branch with no commit yet). */
    public static String shortId(ObjectId id) {
        return id == null ? "none" : id.shortHex();
    }

    /**
     * A tensor name (or another identifier a user chose) in monospace, escaped. A span rather than
     * {@code <code>}, which notebook themes restyle with boxes and backgrounds.
     */
    public static Html name(String name) {
        return Html.tag("span", "coral-name", Html.text(name));
    }

    /** A human size ({@code 156.3 KiB}) with the exact byte count on hover. */
    public static Html bytes(long bytes) {
        return Html.titled("coral-size", HumanFormat.count(bytes) + " bytes", Html.text(HumanFormat.bytes(bytes)));
    }

    /** A number with four significant digits, its full value on hover. */
    public static Html number(double value) {
        return Html.titled("coral-num", Double.toString(value), Html.text(HumanFormat.number(value)));
    }

    /** A cosine similarity with enough digits to tell it from 1, its full value on hover. */
    public static Html cosine(double value) {
        return Html.titled("coral-num", Double.toString(value), Html.text(HumanFormat.cosine(value)));
    }

    /** A coloured pill such as {@code modified}, {@code main} or {@code tag: v1}. */
    public static Html badge(String cssClass, String label) {
        return Html.tag("span", "coral-badge " + cssClass, Html.text(label));
    }

    /** The status pill of a diff or staging entry. */
    public static Html status(DiffStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return badge("coral-" + name, name);
    }

    /**
     * A horizontal bar filled to {@code fraction} (clamped to 0…1; NaN draws nothing). {@code warm}
     * uses the orange fill for quantities that mean change.
     */
    public static Html bar(double fraction, boolean warm) {
        if (Double.isNaN(fraction)) {
            return Html.empty();
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        // a visible sliver for any non-zero value, so "changed a little" never looks like "unchanged"
        double width = clamped > 0 ? Math.max(2, clamped * 100) : 0;
        return Html.raw("<span class=\"coral-bar" + (warm ? " coral-warm" : "") + "\"><span style=\"width:"
                + String.format(Locale.ROOT, "%.1f", width) + "%\"></span></span>");
    }

    /** A two-column key/value table; values are {@link Html} or escaped text. */
    public static Html keyValues(Map<String, ?> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"coral-kv\"><tbody>");
        rows.forEach((key, value) -> sb.append("<tr><th>").append(Html.escape(key)).append("</th><td>")
                .append(value instanceof Html h ? h.toString() : Html.escape(String.valueOf(value))).append("</td></tr>"));
        return Html.raw(sb.append("</tbody></table>").toString());
    }

    /**
     * Adds the rows that summarise a tensor's values to a {@link #keyValues} table: min, max, mean,
     * std, and the NaN / Inf counts when there are any.
     */
    static void putStatistics(Map<String, Object> rows, TensorStats st) {
        rows.put("min", number(st.min()));
        rows.put("max", number(st.max()));
        rows.put("mean", number(st.mean()));
        rows.put("std", number(st.std()));
        if (st.nanCount() > 0 || st.infCount() > 0) {
            rows.put("NaN / Inf", HumanFormat.count(st.nanCount()) + " / " + HumanFormat.count(st.infCount()));
        }
    }

    /** A headline: bold {@code title}, then muted {@code detail}. */
    public static Html head(Html title, Html detail) {
        return Html.tag("div", "coral-head", Html.concat(Html.tag("b", title), Html.raw(" "),
                Html.tag("span", "coral-muted", detail)));
    }
}
