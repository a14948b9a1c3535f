package dev.coral.core.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral diff FROM [TO]}. */
@Command(name = "diff", header = "Show how the tensors of two commits differ.",
        description = "Show which tensors were added, removed, modified or renamed from FROM to TO (default: "
                + "HEAD). Modified tensors of unchanged dtype and shape show L2 distance, cosine similarity, "
                + "largest absolute change and the fraction of changed elements.")
public final class DiffCommand extends VerbCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "The older commit.")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TO", description = "The newer commit (default: HEAD).")
    String to;

    @Override
    public Object execute(CommandContext context) {
        return to == null ? context.repository().diff(from) : context.repository().diff(from, to);
    }
}
