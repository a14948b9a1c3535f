/**
 * Figures of the notebook extension (issue 5), each class with its command:
 * {@link dev.coral.bench.notebook.MagicLatency} ({@code %coral status/log/diff} cells on 1,000 commits × 100
 * tensors, median ≤ 100 ms), {@link dev.coral.bench.notebook.LazyTensorAccessBenchmark} (JMH, a cached
 * lazy tensor access ≤ 1 µs) and {@link dev.coral.bench.notebook.ChartLatency} (first chart ≤ 1 s, later
 * ones ≤ 100 ms). Cells are run without the kernel ({@code HeadlessNotebook}); the kernel's round trip is
 * measured by {@code benchmarks/kernel/kernel_benchmark.py}.
 */
package dev.coral.bench.notebook;
