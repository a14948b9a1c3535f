package dev.coral.core.cli.command;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A {@code coral} verb: picocli fills its fields from the command line, then {@link #execute} does the
 * work and returns a result record, printing nothing. A new verb is a subclass listed in
 * {@link CoralCommand}'s subcommands, with a rendering in {@code TextRenderer} for its result:
 *
 * <pre>{@code
 * // annotated with @Command(name = "stats", header = "Show counts and sizes.", description = "…")
 * public final class StatsCommand extends VerbCommand {
 *     public Object execute(CommandContext context) {
 *         return context.repository().stats();
 *     }
 * }
 * }</pre>
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
