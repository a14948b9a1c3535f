package dev.coral.magics.chart;

import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;

/** Shows a {@link Chart} as its PNG, with the title and size as the text form. */
public final class ChartView implements Renderer<Chart> {

    @Override
    public Rendering render(Chart chart) {
        return Rendering.png(chart.png()).withText(chart.toString());
    }
}
