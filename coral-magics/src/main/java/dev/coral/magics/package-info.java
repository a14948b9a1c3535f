/**
 * The Coral notebook extension. {@link dev.coral.magics.CoralExtension} is what the kernel loads (listed in
 * {@code META-INF/services/dev.coral.kernel.api.KernelExtension}); it registers a renderer for every value
 * the packages below produce:
 *
 * <ul>
 *   <li>{@code render}: HTML + text views of every result record (the text is the CLI's own);</li>
 *   <li>{@code report}: Tablesaw tables of storage, deduplication, one tensor's history and a diff;</li>
 *   <li>{@code chart}: XChart PNG charts as the {@link dev.coral.magics.chart.Chart} value;</li>
 *   <li>{@code progress}: a progress bar updated in place, implementing the CLI's {@code Progress};</li>
 *   <li>{@code lazy}: the {@link dev.coral.magics.lazy.Coral} entry point with lazy model views over a
 *       byte-bounded tensor cache.</li>
 * </ul>
 *
 * <pre>{@code
 * var coral = Coral.open(Path.of("model-repo"));
 * coral.repository().diff("v1", "main");          // renders as a per-tensor table
 * CoralReports.storage(coral.repository());        // a Tablesaw Table, rendered as HTML
 * CoralCharts.storageGrowth(coral.repository());   // a PNG
 * }</pre>
 */
package dev.coral.magics;
