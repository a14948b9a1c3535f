package dev.coral.core.cli.command;

import picocli.CommandLine.Command;

/** {@code coral fsck}. */
@Command(name = "fsck", header = "Verify every stored object and reference.",
        description = "Verify every stored object (decode and re-hash) and every reference. Exits with status 2 "
                + "when a problem is found.")
public final class FsckCommand extends VerbCommand {

    @Override
    public Object execute(CommandContext context) {
        return context.repository().fsck();
    }
}
