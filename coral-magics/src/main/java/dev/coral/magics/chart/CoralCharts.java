package dev.coral.magics.chart;

import dev.coral.core.repo.Repository;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.magics.render.NaturalOrder;
import dev.coral.magics.report.CommitStorage;
import dev.coral.magics.report.StorageHistory;

import java.util.Comparator;
import java.util.List;

/**
 * The charts of a repository, and the QA report's comparison chart.
 *
 * <pre>{@code
 * CoralCharts.storageGrowth(repo);                                  // logical vs stored, over history
 * CoralCharts.layerChange(repo.diff("v1", "main"), LayerMetric.L2); // one bar per modified tensor
 * CoralCharts.dedupRatio(repo);
 * CoralCharts.oursVersusUpstream("Store time", "ms", List.of("100²", "500²"), new double[] {0.4, 2.1},
 *         new double[] {3.0, 16.6});
 * }</pre>
 */
public final class CoralCharts {
    /** Series name of this project's figures in comparison charts. */
    public static final String OURS = "Coral (Java)";
    /** Series name of the original system's figures in comparison charts. */
    public static final String UPSTREAM = "upstream (Python)";

    private CoralCharts() {
    }

    /** {@link #storageGrowth(List)} over every commit reachable from HEAD. */
    public static Chart storageGrowth(Repository repo) {
        return storageGrowth(StorageHistory.of(repo, "HEAD"));
    }

    /**
     * Bytes over history: what storing every commit as a full copy would cost (the trees' raw sizes,
     * summed) against what the repository stored (encoded new contents, summed).
     */
    public static Chart storageGrowth(List<CommitStorage> history) {
        requireCommits(history);
        double[] x = new double[history.size()];
        double[] logical = new double[history.size()];
        double[] stored = new double[history.size()];
        long l = 0;
        long s = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            logical[i] = l += history.get(i).logicalBytes();
            stored[i] = s += history.get(i).newStoredBytes();
        }
        return LineChart.titled("Storage growth over " + history.size() + " commits").xAxis("commit (oldest = 1)")
                .yAxis("size").bytesAxis(true).x(x).series("full copies (raw)", logical).series("stored", stored).render();
    }

    /** {@link #dedupRatio(List)} over every commit reachable from HEAD. */
    public static Chart dedupRatio(Repository repo) {
        return dedupRatio(StorageHistory.of(repo, "HEAD"));
    }

    /**
     * Running ratios per commit: raw bytes of all trees / raw bytes of distinct contents
     * (deduplication), and / bytes stored (deduplication, deltas and compression together).
     */
    public static Chart dedupRatio(List<CommitStorage> history) {
        requireCommits(history);
        double[] x = new double[history.size()];
        double[] dedup = new double[history.size()];
        double[] total = new double[history.size()];
        long logical = 0;
        long unique = 0;
        long stored = 0;
        for (int i = 0; i < x.length; i++) {
            CommitStorage c = history.get(i);
            x[i] = i + 1;
            logical += c.logicalBytes();
            unique += c.newRawBytes();
            stored += c.newStoredBytes();
            dedup[i] = unique == 0 ? 1 : (double) logical / unique;
            total[i] = stored == 0 ? 1 : (double) logical / stored;
        }
        return LineChart.titled("Deduplication ratio per commit").xAxis("commit (oldest = 1)").yAxis("× smaller than full copies")
                .x(x).series("deduplication", dedup).series("with deltas and compression", total).render();
    }

    /**
     * One bar per tensor modified between the two commits of {@code diff} (same dtype and shape), in
     * counting order of names ({@code layers.2} before {@code layers.10}).
     *
     * @throws IllegalArgumentException when no tensor was modified
     */
    public static Chart layerChange(DiffResult diff, LayerMetric metric) {
        List<DiffEntry> modified = diff.modified().stream().filter(e -> e.comparison() != null)
                .sorted(Comparator.comparing(DiffEntry::name, NaturalOrder.INSTANCE)).toList();
        if (modified.isEmpty()) {
            throw new IllegalArgumentException("no tensor with the same dtype and shape was modified between "
                    + diff.fromRef() + " and " + diff.toRef() + "; nothing to chart");
        }
        return BarChart.titled("Change per tensor, " + diff.fromRef() + " → " + diff.toRef())
                .yAxis(metric.label()).categories(modified.stream().map(DiffEntry::name).toList())
                .series(metric.label(), modified.stream().mapToDouble(e -> metric.of(e.comparison())).toArray())
                .size(Math.max(800, Math.min(2400, 60 + 28 * modified.size())), 500)
                .render();
    }

    /**
     * Grouped bars of this project's figures against the original system's, one group per workload.
     * Use a logarithmic axis ({@link BarChart#logarithmic}) through {@link BarChart} directly when the
     * figures differ by orders of magnitude.
     */
    public static Chart oursVersusUpstream(String title, String unit, List<String> workloads, double[] ours,
                                           double[] upstream) {
        return BarChart.titled(title).yAxis(unit).categories(workloads).series(OURS, ours).series(UPSTREAM, upstream)
                .valueLabels(true).render();
    }

    private static void requireCommits(List<CommitStorage> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the repository has no commit yet; nothing to chart");
        }
    }
}
