package dev.coral.magics.chart;

import dev.coral.core.tensor.TensorComparison;

import java.util.function.ToDoubleFunction;

/** Which change of a modified tensor {@link CoralCharts#layerChange} plots. */
public enum LayerMetric {
    /** Euclidean distance between the two versions. */
    L2("L2 distance", TensorComparison::l2),
    /** Share of elements whose bits changed, in percent. */
    PERCENT_CHANGED("% of elements changed", c -> c.fractionChanged() * 100),
    /** Largest absolute change of one element. */
    MAX_ABS_DELTA("max |Δ|", TensorComparison::maxAbsDelta);

    private final String label;
    private final ToDoubleFunction<TensorComparison> value;

    LayerMetric(String label, ToDoubleFunction<TensorComparison> value) {
        this.label = label;
        this.value = value;
    }

    /** The axis title. */
    public String label() {
        return label;
    }

    double of(TensorComparison comparison) {
        return value.applyAsDouble(comparison);
    }
}
