package dev.coral.core.cli.command;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A {@code coral} verb: picocli fills its fields from the command line, then {@link #execute} does the
 * work and returns a result record, printing nothing.
 */
public abstract class VerbCommand {

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean helpRequested;

    /** The global options given after this verb. */
    public GlobalOptions globals() {
        return globals;
    }

    /**
     * Runs the verb.
     *
     * @return the result record the CLI prints and the notebook renders
     * @throws dev.coral.core.error.CoralException when the verb cannot be done; nothing was changed then
     */
    public abstract Object execute(CommandContext context);
}
