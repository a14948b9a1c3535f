package dev.coral.bench.training;

import dev.coral.core.repo.CommitRequest;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.StatsResult;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Trains a small MLP (64 → 512 → 256 → 10) on synthetic data labelled by a random teacher network and
 * commits every epoch's weights as a checkpoint, printing logical vs stored bytes per epoch — the
 * storage of a real training run, not of synthetic noise.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.coral.bench.training.TrainingCheckpoints [epochs] [repoDir]
 * </pre>
 */
public final class TrainingCheckpoints {
    private static final int INPUTS = 64;
    private static final int SAMPLES = 2048;
    private static final int BATCH = 64;

    private TrainingCheckpoints() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("coral-training-");
        float[] x = new float[SAMPLES * INPUTS];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] labels = teacherLabels(x);
        Mlp model = new Mlp(11, INPUTS, 512, 256, 10);
        System.out.println("| epoch | loss | accuracy | checkpoint bytes | logical bytes (all unique tensors) | stored bytes (.coral) | logical / stored |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (Repository repo = Repository.init(dir)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double loss = 0;
                int correct = 0;
                for (int start = 0; start < SAMPLES; start += BATCH) {
                    float[] bx = new float[BATCH * INPUTS];
                    System.arraycopy(x, start * INPUTS, bx, 0, bx.length);
                    int[] by = new int[BATCH];
                    System.arraycopy(labels, start, by, 0, BATCH);
                    double[] r = model.trainBatch(bx, by, BATCH, 0.05f);
                    loss += r[0] * BATCH;
                    correct += (int) r[1];
                }
                loss /= SAMPLES;
                double accuracy = (double) correct / SAMPLES;
                Map<String, Tensor> state = model.stateDict();
                repo.commit(state, CommitRequest.of("epoch " + epoch).withMetric("loss", loss).withMetric("accuracy", accuracy));
                long checkpointBytes = state.values().stream().mapToLong(Tensor::byteSize).sum();
                StatsResult s = repo.stats();
                System.out.printf("| %d | %.4f | %.3f | %,d | %,d | %,d | %.2fx |%n", epoch, loss, accuracy, checkpointBytes,
                        s.logicalBytes(), s.storedBytes(), (double) s.logicalBytes() / s.storedBytes());
            }
        }
    }

    /** Labels from a fixed random two-layer teacher, so the task is learnable but not trivial. */
    private static int[] teacherLabels(float[] x) {
        Mlp teacher = new Mlp(99, INPUTS, 32, 10);
        Map<String, Tensor> t = teacher.stateDict();
        float[] w1 = t.get("fc1.weight").toFloatArray();
        float[] w2 = t.get("fc2.weight").toFloatArray();
        int[] labels = new int[SAMPLES];
        for (int n = 0; n < SAMPLES; n++) {
            float[] h = new float[32];
            for (int j = 0; j < 32; j++) {
                float s = 0;
                for (int i = 0; i < INPUTS; i++) {
                    s += w1[j * INPUTS + i] * x[n * INPUTS + i];
                }
                h[j] = Math.max(0, s);
            }
            int best = 0;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                float s = 0;
                for (int j = 0; j < 32; j++) {
                    s += w2[c * 32 + j] * h[j];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            labels[n] = best;
        }
        return labels;
    }
}
