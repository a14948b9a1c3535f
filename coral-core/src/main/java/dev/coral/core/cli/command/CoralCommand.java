package dev.coral.core.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top of the grammar: {@code coral [-C DIR] [--json] VERB …}. */
@Command(name = "coral", mixinStandardHelpOptions = true, versionProvider = CoralVersion.class,
        description = {"Git for neural-network weights: version tensors with commits, branches, tags and diffs.",
                "",
                "Exit status: 0 ok, 1 a user error (bad arguments, unknown ref, invalid file), 2 an internal error."},
        subcommands = {InitCommand.class, AddCommand.class, RmCommand.class, CommitCommand.class,
                StatusCommand.class, LogCommand.class, ShowCommand.class, CheckoutCommand.class,
                BranchCommand.class, TagCommand.class, DiffCommand.class, ReflogCommand.class,
                ExportCommand.class, StatsCommand.class, RepackCommand.class, GcCommand.class, FsckCommand.class,
                ConfigCommand.class},
        footer = {"", "Run 'coral VERB --help' for the options of a verb."})
public final class CoralCommand {

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    /** The global options given before the verb. */
    public GlobalOptions globals() {
        return globals;
    }
}
