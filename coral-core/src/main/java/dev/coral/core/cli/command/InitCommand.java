package dev.coral.core.cli.command;

import dev.coral.core.cli.InitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral init [DIR]}. */
@Command(name = "init", header = "Create an empty repository.",
        description = "Create an empty repository in DIR (default: the current directory). HEAD starts on the "
                + "branch 'main', which has no commit yet.")
public final class InitCommand extends VerbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Directory to hold the repository (created if missing).")
    String directory;

    @Override
    public Object execute(CommandContext context) {
        return new InitResult(context.initRepository(context.resolve(directory == null ? "." : directory)).root());
    }
}
