package dev.coral.magics.chart;

import dev.coral.kernel.api.Rendering;
import dev.coral.magics.SampleRepositoryFixture;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest extends SampleRepositoryFixture {
    @Test
    void repositoryChartsArePngsOfTheStatedSize() throws IOException {
        for (Chart chart : List.of(CoralCharts.storageGrowth(repo), CoralCharts.dedupRatio(repo),
                CoralCharts.layerChange(repo.diff("HEAD~1~1", "HEAD"), LayerMetric.PERCENT_CHANGED))) {
            BufferedImage image = decode(chart.png());
            assertEquals(chart.width(), image.getWidth(), chart.toString());
            assertEquals(chart.height(), image.getHeight(), chart.toString());
            assertTrue(distinctColours(image) > 10, "a drawn chart, not a blank image: " + chart);
        }
    }

    @Test
    void rendererSendsThePngAndATextForm() throws IOException {
        Chart chart = CoralCharts.oursVersusUpstream("Store time", "ms", List.of("100²", "500²", "1000²"),
                new double[] {0.4, 2.1, 7.5}, new double[] {3.0, 16.6, 78.6});
        Rendering r = new ChartView().render(chart);
        BufferedImage image = decode(Base64.getDecoder().decode(r.data().get(Rendering.PNG)));
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
        assertTrue(r.data().get(Rendering.TEXT).contains("Store time"));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        byte[] first = BarChart.titled("t").categories(List.of("a", "b")).series("s", 1, 2).size(300, 200).render().png();
        byte[] second = BarChart.titled("t").categories(List.of("a", "b")).series("s", 1, 2).size(300, 200).render().png();
        assertArrayEquals(first, second);
        byte[] other = BarChart.titled("t").categories(List.of("a", "b")).series("s", 2, 1).size(300, 200).render().png();
        assertNotEquals(java.util.Arrays.hashCode(first), java.util.Arrays.hashCode(other));
    }

    @Test
    void lineChartWithBytesAxisAndLogarithmicBars() throws IOException {
        Chart line = LineChart.titled("growth").x(1, 2, 3).series("raw", 1e3, 1e6, 1e9).bytesAxis(true).size(640, 360).render();
        assertEquals(640, decode(line.png()).getWidth());
        Chart bars = BarChart.titled("log").categories(List.of("a", "b")).series("x", 1, 1000).logarithmic(true).render();
        assertEquals(450, decode(bars.png()).getHeight());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarChart.titled("t").categories(List.of("a", "b")).series("s", 1).render());
        assertTrue(e.getMessage().contains("series 's' has 1 values for 2 categories"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineChart.titled("t").render());
        assertThrows(IllegalArgumentException.class, () -> BarChart.titled("t").size(10, 10));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CoralCharts.layerChange(repo.diff("HEAD", "HEAD"), LayerMetric.L2));
        assertTrue(none.getMessage().contains("nothing to chart"), none.getMessage());
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "not a PNG");
        return image;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
