package dev.coral.magics.render;

import dev.coral.core.tensor.Shape;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorStats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Tensor} value in a cell: dtype, shape, size, statistics of its values and, for tensors of
 * up to {@link #HISTOGRAM_LIMIT} elements, a histogram. Statistics read every element once, the
 * histogram twice more; both are exact. The text form is the tensor's {@code toString()}.
 */
public final class TensorView implements RecordView<Tensor> {
    /** Largest tensor (in elements) whose histogram is drawn when it is shown. */
    public static final long HISTOGRAM_LIMIT = 4_000_000;

    @Override
    public Html html(Tensor tensor) {
        TensorStats st = TensorStats.of(tensor);
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("dtype", tensor.dtype().label());
        rows.put("shape", Shape.format(tensor.shape()));
        rows.put("elements", HumanFormat.count(tensor.numel()));
        rows.put("size", Fragments.bytes(tensor.byteSize()));
        Fragments.putStatistics(rows, st);
        if (tensor.numel() > 0 && tensor.numel() <= HISTOGRAM_LIMIT) {
            rows.put("histogram", HistogramSvg.of(TensorHistogram.of(tensor, TensorHistogram.DEFAULT_BINS)));
        }
        return Html.concat(Fragments.head(Html.text("Tensor"), Html.text(tensor.describe())), Fragments.keyValues(rows));
    }

    /** The tensor's own {@code toString()} ({@code Tensor(float32[200, 200])}), as in a terminal. */
    @Override
    public String text(Tensor tensor) {
        return tensor.toString();
    }
}
