package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.result.CommitResult;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The program crash and multi-process tests run in child JVMs. Commands:
 * <ul>
 *   <li>{@code dump REPO REF OUTDIR NAME...}: reads each tensor and writes its dtype, shape and raw bytes to OUTDIR.</li>
 *   <li>{@code commit-ops REPO PREFIX COUNT SIZE}: COUNT commits of a unique SIZE×SIZE tensor each, printing
 *       {@code name commitId tensorId} after each acknowledged commit.</li>
 *   <li>{@code commit-one REPO NAME SEED ROWS COLS}: one commit of {@code randn(SEED, ROWS, COLS)} (a pause point may
 *       stop it), printing {@code acknowledged commitId} after it returns.</li>
 *   <li>{@code stage-then-commit REPO NAME SEED READY GO}: stages {@code randn(SEED, 8, 8)} under NAME, creates the
 *       file READY, waits for the file GO, commits, and prints {@code committed ID} or {@code conflict MESSAGE}.</li>
 *   <li>{@code repack REPO}: runs {@code repo.repack()} (a pause point may stop it) and prints {@code repacked N}.</li>
 * </ul>
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path repoDir = Path.of(args[1]);
        try (Repository repo = Repository.open(repoDir)) {
            switch (args[0]) {
                case "dump" -> dump(repo, args[2], Path.of(args[3]), java.util.Arrays.copyOfRange(args, 4, args.length));
                case "commit-ops" -> commitOps(repo, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                case "commit-one" -> commitOne(repo, args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]));
                case "stage-then-commit" -> stageThenCommit(repo, args[2], Long.parseLong(args[3]), Path.of(args[4]),
                        Path.of(args[5]));
                case "repack" -> System.out.println("repacked " + repo.repack().rewritten());
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    private static void dump(Repository repo, String ref, Path out, String[] names) throws Exception {
        Files.createDirectories(out);
        for (int i = 0; i < names.length; i++) {
            Tensor t = repo.read(ref, names[i]);
            Files.writeString(out.resolve(i + ".meta"), t.dtype().label() + " " + java.util.Arrays.toString(t.shape()));
            Files.write(out.resolve(i + ".bin"), t.toBytes());
        }
    }

    private static void commitOps(Repository repo, String prefix, int count, int size) {
        for (int i = 0; i < count; i++) {
            String name = prefix + "_" + i;
            Tensor t = Tensor.randn(name.hashCode(), size, size);
            CommitResult r = repo.session().stage(name, t).commit("op " + name);
            System.out.println(name + " " + r.commit().id().hex() + " " + TensorHasher.id(t).hex());
            System.out.flush();
        }
    }

    private static void stageThenCommit(Repository repo, String name, long seed, Path ready, Path go) throws Exception {
        Session session = repo.session().stage(name, Tensor.randn(seed, 8, 8));
        Files.writeString(ready, "staged");
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        try {
            System.out.println("committed " + session.commit("writer " + seed).commit().id().hex());
        } catch (ConflictException e) {
            System.out.println("conflict " + e.getMessage());
        }
    }

    private static void commitOne(Repository repo, String name, long seed, int rows, int cols) {
        CommitResult r = repo.commit(Map.of(name, Tensor.randn(seed, rows, cols)), "interrupted " + name);
        System.out.println("acknowledged " + r.commit().id().hex());
    }
}
