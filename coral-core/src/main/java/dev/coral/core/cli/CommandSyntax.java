package dev.coral.core.cli;

import java.util.List;

/**
 * The grammar of one verb, from the same picocli model the parser uses: what a completer offers after
 * {@code %coral } and after {@code %coral VERB }.
 *
 * @param name        the verb ({@code commit}); for a sub-verb its own name ({@code set})
 * @param summary     the first line of its help
 * @param options     its options, including the global ones ({@code -C}, {@code --json}, {@code --help})
 * @param parameters  its positional arguments in order
 * @param subcommands its sub-verbs ({@code config get}), empty for most verbs
 */
public record CommandSyntax(String name, String summary, List<OptionSyntax> options, List<ParameterSyntax> parameters,
                            List<CommandSyntax> subcommands) {
    public CommandSyntax {
        options = List.copyOf(options);
        parameters = List.copyOf(parameters);
        subcommands = List.copyOf(subcommands);
    }
}
