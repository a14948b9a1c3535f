package dev.coral.core.cli.command;

import dev.coral.core.repo.CommitRequest;
import dev.coral.core.repo.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code coral commit -m MSG [--author A] [--metric k=v]…}. */
@Command(name = "commit", header = "Record the staged tensors as a new commit.",
        description = "Record the staged tensors as a new commit on the current branch. The commit keeps every "
                + "tensor of its parent that was not changed or removed.")
public final class CommitCommand extends VerbCommand {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG",
            description = "The commit message. Given several times, the parts become separate paragraphs.")
    List<String> message;

    @Option(names = "--author", paramLabel = "NAME",
            description = "Who commits (default: the user.name setting, else the OS user).")
    String author;

    @Option(names = "--metric", paramLabel = "NAME=VALUE",
            description = "Record a metric, e.g. --metric acc=0.93. May be repeated.")
    List<String> metrics = new ArrayList<>();

    @Override
    public Object execute(CommandContext context) {
        CommitRequest request = new CommitRequest(String.join("\n\n", message), author, Metrics.parse(metrics),
                null, List.of());
        return context.repository().index().commit(request);
    }
}
