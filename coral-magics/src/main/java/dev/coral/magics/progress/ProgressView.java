package dev.coral.magics.progress;

import dev.coral.magics.render.Fragments;
import dev.coral.magics.render.Html;
import dev.coral.magics.render.HumanFormat;
import dev.coral.magics.render.RecordView;

import java.time.Duration;

/**
 * A {@link ProgressState} as a bar with the task, percentage, amounts, rate and time left
 * ({@code importing model.safetensors  42 %  12.3 MiB of 29.2 MiB · 48.1 MiB/s · 0.35 s left}); the text
 * form is a {@code [#####·····]} line for terminals.
 */
public final class ProgressView implements RecordView<ProgressState> {
    private static final int TEXT_WIDTH = 30;

    @Override
    public Html html(ProgressState s) {
        double fraction = s.finished() && s.total() <= 0 ? 1 : s.fraction();
        return Html.tag("div", "coral-progress", Html.concat(
                Html.tag("b", Html.text(s.task())),
                Fragments.bar(Double.isNaN(fraction) ? 0 : fraction, false),
                Html.text(percent(s)),
                Html.tag("span", "coral-muted", Html.text(detail(s)))));
    }

    @Override
    public String text(ProgressState s) {
        double fraction = s.finished() ? 1 : s.fraction();
        int filled = Double.isNaN(fraction) ? 0 : (int) Math.round(fraction * TEXT_WIDTH);
        return s.task() + " [" + "#".repeat(filled) + "·".repeat(TEXT_WIDTH - filled) + "] " + percent(s) + " " + detail(s);
    }

    private static String percent(ProgressState s) {
        if (s.total() <= 0) {
            return s.finished() ? "done" : "";
        }
        return String.format(java.util.Locale.ROOT, "%.0f %%", s.fraction() * 100);
    }

    private static String detail(ProgressState s) {
        if (s.total() <= 0 && s.done() == 0) {
            return s.finished() ? "in " + HumanFormat.duration(s.elapsed()) : HumanFormat.duration(s.elapsed());
        }
        String amount = s.total() > 0 ? s.unit().amount(s.done()) + " of " + s.unit().amount(s.total()) : s.unit().amount(s.done());
        String timing = s.finished() ? "in " + HumanFormat.duration(s.elapsed()) : s.unit().rate(s.rate());
        Duration left = s.remaining();
        return amount + " · " + timing + (left == null ? "" : " · " + HumanFormat.duration(left) + " left");
    }
}
