package dev.coral.bench.qa;

import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.codec.UncheckedEncoding;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Times, one after the other, the phases of storing one large float32 tensor into an object file, as
 * QA workload 1's store does them: hashing ({@link TensorHasher#id}), choosing and writing the encoding
 * ({@link TensorCodec#encodeUnchecked}), writing the payload to a new file, its fdatasync, and the check that
 * the payload decodes exactly. The store overlaps some of these (the check runs beside the write and the
 * sync), so their sum is not the store's time; the figures show where a change can still win, and how much
 * CPU is left idle while the disk works. Prints p25 and median of each phase.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.coral.bench.qa.StorePhases [SIDE] [RUNS]
 * </pre>
 * {@code SIDE} defaults to 1000 (a SIDE×SIDE tensor), {@code RUNS} to 60, after 20 unmeasured rounds. The files
 * go to a scratch directory under {@code java.io.tmpdir}, deleted afterwards.
 */
public final class StorePhases {
    private static final int WARMUP = 20;
    private static final String[] PHASES = {"hash", "encode", "write", "fdatasync", "check"};

    private StorePhases() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Tensor tensor = Tensor.randn(1000 + side, side, side);
        TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
        double[][] ms = new double[PHASES.length][runs];
        long payloadBytes = 0;
        try (ScratchDirectory dir = new ScratchDirectory("coral-store-phases-")) {
            for (int i = -WARMUP; i < runs; i++) {
                long[] t = new long[PHASES.length + 1];
                t[0] = System.nanoTime();
                TensorHasher.id(tensor);
                t[1] = System.nanoTime();
                UncheckedEncoding encoding = codec.encodeUnchecked(tensor, List.of());
                t[2] = System.nanoTime();
                Path file = dir.path().resolve("object-" + (i + WARMUP));
                writeAndSync(file, encoding.payload(), t);
                if (!encoding.decodesExactly()) {
                    throw new IllegalStateException("the payload of " + tensor + " does not decode exactly");
                }
                t[5] = System.nanoTime();
                delete(file);
                payloadBytes = encoding.payload().remaining();
                if (i >= 0) {
                    for (int p = 0; p < PHASES.length; p++) {
                        ms[p][i] = (t[p + 1] - t[p]) / 1e6;
                    }
                }
            }
        }
        System.out.printf("store phases of a %d×%d float32 tensor (payload %,d bytes), %d runs:%n", side, side,
                payloadBytes, runs);
        for (int p = 0; p < PHASES.length; p++) {
            double[] sorted = ms[p].clone();
            Arrays.sort(sorted);
            System.out.printf("  %-10s p25 %6.2f ms   median %6.2f ms%n", PHASES[p], sorted[runs / 4], sorted[runs / 2]);
        }
    }

    /** Writes {@code payload} to the new {@code file} and fdatasyncs it, recording the end of each in {@code t[3]}, {@code t[4]}. */
    private static void writeAndSync(Path file, ByteBuffer payload, long[] t) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (payload.hasRemaining()) {
                ch.write(payload);
            }
            t[3] = System.nanoTime();
            ch.force(false);
            t[4] = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
