package dev.coral.bench.qa;

import dev.coral.core.repo.Repository;
import dev.coral.core.repo.ModelView;
import dev.coral.core.result.FsckResult;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * QA workload 4: T tasks on a pool of T threads sharing one repository object, one stage + commit per op
 * of a uniquely named tensor; then the extended runs (threads × 50 ops, and separate OS processes on one
 * repository directory). After every run: every acknowledged op is in the tip's tree and in history, and
 * fsck is clean.
 */
final class Workload4Concurrency {
    private static final int[] UPSTREAM_THREADS = {1, 2, 4};
    private static final String[] UPSTREAM = {"100 % / 151.5", "50 % / 177.4", "75 % / 164.4"};
    private static final int[] EXTENDED_THREADS = {1, 2, 4, 8, 16, 64};
    private static final int[] PROCESSES = {2, 4, 6, 8};
    private static final int[] PROCESS_OPS = {20, 15, 10, 8};

    String run() {
        MarkdownTable original = new MarkdownTable("threads", "success", "ops/s", "upstream success / ops/s", "consistent");
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            threads(4, 5, 200); // one op per thread is over in milliseconds: measure it on warmed-up code
        }
        for (int i = 0; i < UPSTREAM_THREADS.length; i++) {
            Outcome o = threads(UPSTREAM_THREADS[i], 1, 200);
            original.row(UPSTREAM_THREADS[i], o.successText(), String.format("%,.0f", o.opsPerSecond), UPSTREAM[i], o.consistentText());
        }
        MarkdownTable extended = new MarkdownTable("threads × ops", "success", "ops/s", "consistent");
        for (int t : EXTENDED_THREADS) {
            Outcome o = threads(t, 50, 200);
            extended.row(t + " × 50", o.successText(), String.format("%,.0f", o.opsPerSecond), o.consistentText());
        }
        MarkdownTable processes = new MarkdownTable("processes × ops", "success", "ops/s (incl. JVM start)",
                "upstream success", "consistent");
        String[] upstreamProcess = {"50 %", "25 %", "18 %", "14 %"};
        for (int i = 0; i < PROCESSES.length; i++) {
            Outcome o = processes(PROCESSES[i], PROCESS_OPS[i]);
            processes.row(PROCESSES[i] + " × " + PROCESS_OPS[i], o.successText(), String.format("%,.0f", o.opsPerSecond),
                    upstreamProcess[i], o.consistentText());
        }
        return "Original (one op per thread, 200×200; after 20 warm-up rounds, the JVM is not restarted per row):\n\n" + original
                + "\nExtended threads (200×200, one shared repository object):\n\n" + extended
                + "\nExtended processes (50×50, separate JVMs on one repository directory):\n\n" + processes;
    }

    record Outcome(int attempted, int succeeded, double opsPerSecond, boolean consistent) {
        String successText() {
            return String.format("%.0f %% (%d/%d)", 100.0 * succeeded / attempted, succeeded, attempted);
        }

        String consistentText() {
            return consistent ? "yes" : "NO";
        }
    }

    private static Outcome threads(int threads, int opsPerThread, int side) {
        try (ScratchDirectory dir = new ScratchDirectory("coral-qa4-"); Repository repo = Repository.init(dir.path())) {
            Tensor base = Tensor.randn(4, side, side);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> ops = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int id = 0; id < threads * opsPerThread; id++) {
                int worker = id;
                ops.add(pool.submit(() -> {
                    Tensor t = base.plus(Tensor.randn(100 + worker, side, side).times((worker + 1) * 0.01));
                    String name = "concurrent_worker_" + worker;
                    repo.session().stage(name, t).commit("op " + worker);
                    return name;
                }));
            }
            List<String> acknowledged = new ArrayList<>();
            for (Future<String> f : ops) {
                try {
                    acknowledged.add(f.get());
                } catch (Exception e) {
                    System.err.println("op failed: " + e.getCause());
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            return new Outcome(ops.size(), acknowledged.size(), acknowledged.size() / seconds, consistent(repo, acknowledged));
        }
    }

    private static Outcome processes(int processes, int ops) {
        try (ScratchDirectory dir = new ScratchDirectory("coral-qa4p-")) {
            Repository.init(dir.path()).close();
            long t0 = System.nanoTime();
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                children.add(start(dir.path(), p, ops));
            }
            List<String> acknowledged = new ArrayList<>();
            for (Process child : children) {
                acknowledged.addAll(ProcessWorker.acknowledgedNames(child));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Repository repo = Repository.open(dir.path())) {
                return new Outcome(processes * ops, acknowledged.size(), acknowledged.size() / seconds, consistent(repo, acknowledged));
            }
        }
    }

    private static Process start(Path repo, int worker, int ops) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ProcessWorker.class.getName(),
                    repo.toString(), Integer.toString(worker), Integer.toString(ops))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every acknowledged name is in the tip's tree and was introduced by a commit in history; fsck is clean. */
    private static boolean consistent(Repository repo, List<String> acknowledged) {
        ModelView tip = repo.at("main");
        boolean allInTip = acknowledged.stream().allMatch(tip::contains);
        long commits = repo.log("main", Integer.MAX_VALUE, false).entries().size();
        FsckResult fsck = repo.fsck();
        return allInTip && commits >= acknowledged.size() && fsck.ok();
    }
}
