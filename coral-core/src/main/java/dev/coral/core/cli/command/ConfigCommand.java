package dev.coral.core.cli.command;

import dev.coral.core.cli.ConfigListResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral config [list | get KEY | set KEY VALUE | unset KEY]}. */
@Command(name = "config", header = "Show or change the repository's settings.",
        subcommands = {ConfigCommand.ListCommand.class, ConfigCommand.GetCommand.class,
                ConfigCommand.SetCommand.class, ConfigCommand.UnsetCommand.class},
        description = "Settings are stored in the repository: durability (full | process), codec.zstdLevel, dedup.threshold, "
                + "codec.maxChainDepth, user.name and more; 'coral config list' shows them all with what they"
                + " do. Without a subcommand, lists every setting.")
public final class ConfigCommand extends VerbCommand {

    @Override
    public Object execute(CommandContext context) {
        return new ConfigListResult(context.repository().config().list());
    }

    /** {@code coral config list}. */
    @Command(name = "list", header = "List every setting with its value and what it controls.")
    public static final class ListCommand extends VerbCommand {
        @Override
        public Object execute(CommandContext context) {
            return new ConfigListResult(context.repository().config().list());
        }
    }

    /** {@code coral config get KEY}. */
    @Command(name = "get", header = "Print the value of a setting.",
            description = "Print the value of KEY (its default when never set).")
    public static final class GetCommand extends VerbCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting, e.g. durability.")
        String key;

        @Override
        public Object execute(CommandContext context) {
            return ConfigEntries.find(context.repository().config(), key);
        }
    }

    /** {@code coral config set KEY VALUE}. */
    @Command(name = "set", header = "Change a setting.",
            description = "Set KEY to VALUE after checking that the setting takes it.")
    public static final class SetCommand extends VerbCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting, e.g. durability.")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value, e.g. process.")
        String value;

        @Override
        public Object execute(CommandContext context) {
            return ConfigEntries.update(context.repository().config(), key, c -> c.set(key, value));
        }
    }

    /** {@code coral config unset KEY}. */
    @Command(name = "unset", header = "Return a setting to its default.")
    public static final class UnsetCommand extends VerbCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting, e.g. durability.")
        String key;

        @Override
        public Object execute(CommandContext context) {
            return ConfigEntries.update(context.repository().config(), key, c -> c.unset(key));
        }
    }
}
