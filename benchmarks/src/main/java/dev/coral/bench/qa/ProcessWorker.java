package dev.coral.bench.qa;

import dev.coral.core.repo.Repository;
import dev.coral.core.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate OS process of QA workload 4: opens the repository directory and commits {@code ops} 50×50
 * tensors with unique names, printing {@code ok NAME} on stdout for every acknowledged commit.
 */
public final class ProcessWorker {
    private ProcessWorker() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int worker = Integer.parseInt(args[1]);
        int ops = Integer.parseInt(args[2]);
        try (Repository repo = Repository.open(dir)) {
            for (int i = 0; i < ops; i++) {
                String name = "process_" + worker + "_op_" + i;
                try {
                    repo.session().stage(name, Tensor.randn(worker * 1000L + i, 50, 50)).commit(name);
                    System.out.println("ok " + name);
                } catch (RuntimeException e) {
                    System.err.println("failed " + name + ": " + e.getMessage());
                }
            }
        }
    }

    /** Reads a child's acknowledgements until it exits. */
    static List<String> acknowledgedNames(Process child) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ok ")) {
                    names.add(line.substring(3));
                }
            }
            child.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        }
        return names;
    }
}
