package dev.coral.core.cli.command;

import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.TagListResult;
import dev.coral.core.cli.TagResult;
import dev.coral.core.cli.UsageException;
import dev.coral.core.repo.Metrics;
import dev.coral.core.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code coral tag}, {@code coral tag TAG [REF] [-m MSG] [--metric k=v]…}, {@code coral tag -d TAG}. */
@Command(name = "tag", header = "List, create or delete annotated tags.",
        description = "List tags (no arguments), create an annotated TAG on REF (default: HEAD) with a message "
                + "and metrics, or delete TAG with -d.")
public final class TagCommand extends VerbCommand {

    @Option(names = {"-d", "--delete"}, description = "Delete TAG.")
    boolean delete;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "The tag's message.")
    String message = "";

    @Option(names = "--metric", paramLabel = "NAME=VALUE",
            description = "Record a metric, e.g. --metric acc=0.93. May be repeated.")
    List<String> metrics = new ArrayList<>();

    @Parameters(index = "0", arity = "0..1", paramLabel = "TAG", description = "The tag to create or delete.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REF", description = "The commit to tag (default: HEAD).")
    String ref;

    @Override
    public Object execute(CommandContext context) {
        Repository repo = context.repository();
        if (delete) {
            if (name == null || ref != null || !message.isEmpty() || !metrics.isEmpty()) {
                throw new UsageException("tag: -d takes exactly one TAG and no -m or --metric");
            }
            return new TagResult(RefAction.DELETED, repo.deleteTag(name));
        }
        if (name == null) {
            if (!message.isEmpty() || !metrics.isEmpty()) {
                throw new UsageException("tag: -m and --metric need a TAG to create");
            }
            return new TagListResult(repo.tags());
        }
        return new TagResult(RefAction.CREATED,
                repo.createTag(name, ref == null ? "HEAD" : ref, message, Metrics.parse(metrics)));
    }
}
