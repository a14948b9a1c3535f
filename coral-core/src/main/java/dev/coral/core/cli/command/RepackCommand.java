package dev.coral.core.cli.command;

import picocli.CommandLine.Command;

/** {@code coral repack}. */
@Command(name = "repack", header = "Re-encode stored tensors with the current settings.",
        description = "Re-encode every stored tensor with the current codec.zstdLevel, codec.maxChainDepth and "
                + "dedup.threshold, keeping each new form that is smaller or that brings a delta chain within the "
                + "limit. Tensor ids, commits and history do not change. Safe to interrupt: every tensor stays "
                + "readable.")
public final class RepackCommand extends VerbCommand {

    @Override
    public Object execute(CommandContext context) {
        return context.repository().repack();
    }
}
