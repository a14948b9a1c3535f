package dev.coral.magics.render;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.Rendering;
import org.junit.jupiter.api.Test;

import static dev.coral.magics.render.RecordViewsTest.count;
import static dev.coral.magics.render.RecordViewsTest.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorViewTest {

    @Test
    void showsShapeStatisticsAndAHistogram() throws Exception {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, Float.NaN}});
        Rendering r = new TensorView().render(t);
        String html = html(r);
        assertTrue(html.contains("<th>shape</th><td>[2, 2]</td>"), html);
        assertTrue(html.contains("<th>NaN / Inf</th><td>1 / 0</td>"), html);
        assertTrue(html.contains(">3</span>"), "max of the finite values: " + html);
        assertEquals(TensorHistogram.DEFAULT_BINS, count(html, "<rect"), html);
        assertEquals("Tensor(float32[2, 2])", r.data().get(Rendering.TEXT));
    }

    @Test
    void histogramBinsEveryFiniteValueAndSkipsHugeTensors() throws Exception {
        TensorHistogram h = TensorHistogram.of(Tensor.of(new float[] {0, 0, 1, 1, 1, 10, Float.POSITIVE_INFINITY}), 10);
        assertEquals(6, h.total());
        assertEquals(1, h.nonFinite());
        assertEquals(2, h.counts()[0]);
        assertEquals(3, h.counts()[1]);
        assertEquals(1, h.counts()[9], "the maximum falls in the last bin");
        String empty = html(new TensorView().render(Tensor.zeros(DType.FLOAT32, 0)));
        assertFalse(empty.contains("<svg"), empty);
    }
}
