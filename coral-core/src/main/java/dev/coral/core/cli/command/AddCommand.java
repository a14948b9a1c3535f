package dev.coral.core.cli.command;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.Progress;
import dev.coral.core.cli.UsageException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.names.TensorNames;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code coral add [--prefix P] [--name N] FILE…}. */
@Command(name = "add", header = "Stage the tensors of tensor files for the next commit.",
        description = "Stage every tensor of each FILE (.npy, .npz, .safetensors, .h5) for the next commit, under the "
                + "names the file gives them. The files are read and validated first: either every tensor is "
                + "staged or, on any error, none is.")
public final class AddCommand extends VerbCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tensor files to stage.")
    List<String> sources;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "Put PREFIX before every name, e.g. --prefix encoder.")
    String prefix = "";

    @Option(names = "--name", paramLabel = "NAME",
            description = "Stage the single tensor of a lone FILE under NAME instead of its file name (for .npy "
                    + "files).")
    String name;

    @Override
    public Object execute(CommandContext context) {
        Map<String, Tensor> tensors = named(read(context));
        return new AddResult(sources, stage(context, tensors));
    }

    private Map<String, Map<String, Tensor>> read(CommandContext context) {
        Map<String, Map<String, Tensor>> bySource = new LinkedHashMap<>();
        Progress progress = context.progress();
        progress.start(sources.size(), "reading");
        try {
            for (String source : sources) {
                bySource.put(source, context.environment().tensorSource().resolve(source, context.workingDir()));
                progress.advance(1);
            }
        } finally {
            progress.done();
        }
        return bySource;
    }

    private Map<String, Tensor> named(Map<String, Map<String, Tensor>> bySource) {
        if (name != null && (bySource.size() != 1 || bySource.values().iterator().next().size() != 1)) {
            throw new UsageException("add: --name needs exactly one FILE holding one tensor; "
                    + "use --prefix to rename the tensors of several");
        }
        Map<String, Tensor> all = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        bySource.forEach((source, tensors) -> tensors.forEach((fileName, tensor) -> {
            String finalName = prefix + (name != null ? name : fileName);
            if (tensor == null) {
                throw new InvalidInputException(source + ": tensor '" + fileName + "' is null");
            }
            TensorNames.check(finalName, source);
            String earlier = origin.putIfAbsent(finalName, source);
            if (earlier != null) {
                throw new InvalidInputException("tensor '" + finalName + "' is given by both " + earlier + " and "
                        + source + "; stage them separately or use --prefix");
            }
            all.put(finalName, tensor);
        }));
        return all;
    }

    private List<TensorEntry> stage(CommandContext context, Map<String, Tensor> tensors) {
        Progress progress = context.progress();
        progress.start(0, "storing " + tensors.size() + " tensors");
        try {
            return context.repository().index().addAll(tensors);
        } finally {
            progress.done();
        }
    }
}
