package dev.coral.magics.magic;

import java.util.Locale;

import dev.coral.kernel.api.Rendering;
import dev.coral.magics.render.Html;

/** The HTML and text of a {@link CellProgress} bar. */
final class ProgressRendering {
    private static final int TEXT_WIDTH = 30;

    private ProgressRendering() {
    }

    /**
     * A running command: a bar when the phase's total is known, an indeterminate bar otherwise.
     *
     * @param phase the current phase, or null between phases
     */
    static Rendering running(String verb, String phase, long done, long total, long elapsedNanos) {
        String what = "coral " + verb + (phase == null ? "" : ": " + phase);
        String count = total > 0 ? done + " / " + total : done > 0 ? String.valueOf(done) : "";
        String time = seconds(elapsedNanos);
        String html = "<div class=\"coral-progress\" style=\"font-family:monospace;display:flex;gap:.6em;"
                + "align-items:center\"><progress style=\"width:18em\"" + (total > 0 ? " value=\"" + done
                + "\" max=\"" + total + "\"" : "") + "></progress><span>" + Html.escape(what)
                + (count.isEmpty() ? "" : " · " + count) + " · " + time + "</span></div>";
        String bar = total > 0 ? textBar((double) done / total) : "[" + "·".repeat(TEXT_WIDTH) + "]";
        return Rendering.html(html).withText(bar + " " + what + (count.isEmpty() ? "" : " " + count) + " " + time);
    }

    /** A finished command. */
    static Rendering finished(String verb, long elapsedNanos) {
        String text = "coral " + verb + ": done in " + seconds(elapsedNanos);
        return Rendering.html("<div class=\"coral-progress\" style=\"font-family:monospace;color:#666\">"
                + Html.escape(text) + "</div>").withText(text);
    }

    private static String textBar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * TEXT_WIDTH);
        return "[" + "#".repeat(filled) + " ".repeat(TEXT_WIDTH - filled) + "]";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
