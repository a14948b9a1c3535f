package dev.coral.bench.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.coral.core.repo.Repository;
import dev.coral.core.result.DiffResult;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.chart.CoralCharts;
import dev.coral.magics.chart.LayerMetric;

/**
 * What a chart cell costs: {@code CoralCharts.layerChange(diff, LayerMetric.L2)} (XChart, PNG encoding) plus
 * its rendering for the notebook, first in a fresh JVM (fonts, AWT and XChart load then), then
 * repeatedly. Targets (issue 5): first chart ≤ 1 s, later ones ≤ 100 ms (median). Also times
 * {@code CoralCharts.storageGrowth(repo)} once warm, which reads the repository's history.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.notebook.ChartLatency}
 */
public final class ChartLatency {
    private static final int TENSORS = 20;
    private static final int RUNS = 30;

    private ChartLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("coral-chart-latency");
        try (Repository repo = Repository.init(dir)) {
            DiffResult diff = twoCommits(repo);
            HeadlessNotebook notebook = new HeadlessNotebook();

            long t0 = System.nanoTime();
            Rendering first = notebook.render(CoralCharts.layerChange(diff, LayerMetric.L2));
            long firstNanos = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "first chart (fresh JVM): %.1f ms, %,d chars of base64 PNG%n",
                    firstNanos / 1e6, first.data().get(Rendering.PNG).length());

            Samples later = new Samples(RUNS);
            Samples growth = new Samples(RUNS);
            for (int i = 0; i < RUNS; i++) {
                long a = System.nanoTime();
                notebook.render(CoralCharts.layerChange(diff, LayerMetric.L2));
                long b = System.nanoTime();
                notebook.render(CoralCharts.storageGrowth(repo));
                long c = System.nanoTime();
                later.add(b - a);
                growth.add(c - b);
            }
            System.out.println("later layerChange charts: " + later.summary());
            System.out.println("later storageGrowth charts: " + growth.summary());
        }
    }

    private static DiffResult twoCommits(Repository repo) {
        Map<String, Tensor> model = new LinkedHashMap<>();
        for (int t = 0; t < TENSORS; t++) {
            model.put(String.format(Locale.ROOT, "block%02d.weight", t), Tensor.randn(t, 64, 64));
        }
        repo.commit(model, "initial weights");
        Map<String, Tensor> changed = new LinkedHashMap<>();
        model.forEach((name, w) -> changed.put(name, w.plus(Tensor.randn(name.hashCode(), 64, 64).times(0.01))));
        repo.commit(changed, "fine-tune");
        return repo.diff("HEAD~1", "HEAD");
    }
}
