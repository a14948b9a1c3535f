package dev.coral.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ChildMain} running in a separate JVM with the test class path; its stdout and stderr go to
 * files so that they survive the child being killed.
 */
final class ChildProcess {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private ChildProcess(Process process, Path out, Path err, String description) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.description = description;
    }

    /** Starts a child JVM running {@code ChildMain args} with extra {@code -D} system properties; logs go to {@code logDir}. */
    static ChildProcess start(Path logDir, List<String> systemProperties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildMain.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(logDir);
        int n = COUNTER.incrementAndGet();
        Path out = logDir.resolve("child-" + n + ".out");
        Path err = logDir.resolve("child-" + n + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildProcess(p, out, err, String.join(" ", args));
    }

    /** Runs a child to completion and returns its stdout lines. */
    static List<String> run(Path logDir, String... args) throws IOException, InterruptedException {
        return start(logDir, List.of(), args).finish();
    }

    /** Waits for the child to exit and returns its stdout lines; fails with its stderr when it exits non-zero. */
    List<String> finish() throws IOException, InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child '" + description + "' did not finish");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("child '" + description + "' exited with " + process.exitValue() + ":\n"
                    + Files.readString(err));
        }
        return Files.readAllLines(out);
    }

    /** What the child printed so far. */
    List<String> output() throws IOException {
        return Files.readAllLines(out);
    }

    /** Waits until {@code file} exists (the child reached its pause point), or fails after a minute. */
    void awaitFile(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new AssertionError("child exited with " + process.exitValue() + " before its pause point:\n"
                        + Files.readString(err));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("child did not reach its pause point within a minute");
            }
            Thread.sleep(10);
        }
    }

    /** SIGKILLs the child and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("killed child '" + description + "' did not exit");
        }
    }
}
