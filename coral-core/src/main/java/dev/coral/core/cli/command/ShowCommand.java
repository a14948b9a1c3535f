package dev.coral.core.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral show [REF[:TENSOR]]}. */
@Command(name = "show", header = "Describe a commit or one of its tensors.",
        description = "Describe a commit and its tensors (REF), or one tensor of a commit (REF:TENSOR): its id, "
                + "dtype, shape, size, how it is stored, and min/max/mean/std of its values.")
public final class ShowCommand extends VerbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REF[:TENSOR]", description = "Default: HEAD.")
    String spec = "HEAD";

    @Override
    public Object execute(CommandContext context) {
        return context.repository().show(spec);
    }
}
