package dev.coral.core.cli.command;

import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.Progress;
import dev.coral.core.error.CoralException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.format.TensorFiles;
import dev.coral.core.format.TensorFormat;
import dev.coral.core.repo.ModelView;
import dev.coral.core.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code coral export REF OUT.{safetensors,npz,npy,h5}}. */
@Command(name = "export", header = "Write a commit's tensors to a tensor file.",
        description = "Write every tensor of commit REF to OUT, in the format its extension names: .safetensors "
                + "(every dtype), .npz (no bfloat16), .npy (a commit of exactly one tensor) or .h5/.hdf5 (no "
                + "zero-size tensors). .safetensors and HDF5 files record the commit id in their metadata as "
                + "coral.commit. The file is written to a temporary name and moved into place, so OUT is never "
                + "left half-written.")
public final class ExportCommand extends VerbCommand {
    /** The metadata key that records which commit a file was exported from. */
    public static final String COMMIT_METADATA_KEY = "coral.commit";

    @Parameters(index = "0", paramLabel = "REF", description = "The commit to export.")
    String ref;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
    String out;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Override
    public Object execute(CommandContext context) {
        Path file = context.resolve(out);
        TensorFormat format = TensorFormat.ofExtension(file);
        if (Files.exists(file) && !force) {
            throw new InvalidInputException("export: " + file + " exists; use --force to replace it");
        }
        ModelView view = context.repository().at(ref);
        Map<String, Tensor> tensors = load(view, context.progress());
        Map<String, String> metadata = format == TensorFormat.SAFETENSORS || format == TensorFormat.HDF5
                ? Map.of(COMMIT_METADATA_KEY, view.commit().id().hex())
                : Map.of();
        TensorFiles.write(file, tensors, metadata);
        return new ExportResult(file, ref, view.commit().id(), tensors.size(), sizeOf(file));
    }

    private static Map<String, Tensor> load(ModelView view, Progress progress) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        progress.start(view.size(), "reading tensors");
        try {
            for (String name : view.names()) {
                tensors.put(name, view.tensor(name));
                progress.advance(1);
            }
        } finally {
            progress.done();
        }
        return tensors;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CoralException(file + ": written but cannot be read back: " + e.getMessage(), e);
        }
    }
}
