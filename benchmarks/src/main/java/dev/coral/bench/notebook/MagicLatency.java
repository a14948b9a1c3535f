package dev.coral.bench.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;
import dev.coral.kernel.api.Rendering;

/**
 * What a {@code %coral status}, {@code log} and {@code diff} cell costs on a repository of 1,000 commits of
 * 100 tensors (each commit changes 3 of them): the magic (the CLI grammar through
 * {@code CoralCommands}, the notebook's open repository) plus the HTML and text rendering — everything
 * but the kernel's round trip. Target (issue 5): median ≤ 100 ms.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.coral.bench.notebook.MagicLatency [DIR]}.
 * The repository is built in {@code DIR} (default: a new temporary directory) unless it is already there.
 */
public final class MagicLatency {
    static final int COMMITS = 1000;
    static final int TENSORS = 100;
    static final int CHANGED_PER_COMMIT = 3;
    private static final int WARMUP = 30;
    private static final int RUNS = 60;

    private MagicLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("coral-magic-latency");
        if (!Files.isDirectory(dir.resolve(Repository.DIR))) {
            long start = System.nanoTime();
            build(dir);
            System.out.printf(Locale.ROOT, "built %d commits x %d tensors in %.1f s (%s)%n", COMMITS, TENSORS,
                    (System.nanoTime() - start) / 1e9, dir);
        }
        HeadlessNotebook notebook = new HeadlessNotebook();
        notebook.cell("coral", "open " + dir);
        for (String line : List.of("status", "log", "log -n 20", "diff HEAD~1 HEAD", "diff HEAD~999 HEAD")) {
            Samples samples = new Samples(RUNS);
            int bytes = 0;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                Rendering r = notebook.cell("coral", line);
                long t1 = System.nanoTime();
                bytes = r.data().get(Rendering.HTML).length() + r.data().get(Rendering.TEXT).length();
                if (i >= WARMUP) {
                    samples.add(t1 - t0);
                }
            }
            System.out.printf(Locale.ROOT, "%%coral %-20s %s, %,d chars of HTML+text%n", line, samples.summary(), bytes);
        }
    }

    /** 1,000 commits on main; commit i changes tensors i, i+1, i+2 (mod 100). */
    static void build(Path dir) {
        try (Repository repo = Repository.init(dir)) {
            repo.config().set("durability", "process");
            Map<String, Tensor> model = new LinkedHashMap<>();
            for (int t = 0; t < TENSORS; t++) {
                model.put(String.format(Locale.ROOT, "layer%02d.weight", t), Tensor.randn(t, 16, 16));
            }
            List<String> names = List.copyOf(model.keySet());
            repo.commit(model, "initial weights");
            for (int c = 1; c < COMMITS; c++) {
                Map<String, Tensor> changes = new LinkedHashMap<>();
                for (int k = 0; k < CHANGED_PER_COMMIT; k++) {
                    String name = names.get((c + k) % TENSORS);
                    changes.put(name, model.get(name).plus(Tensor.randn(1_000_000L + c * 10L + k, 16, 16).times(0.01)));
                }
                model.putAll(changes);
                repo.commit(changes, "step " + c);
            }
        }
    }
}
