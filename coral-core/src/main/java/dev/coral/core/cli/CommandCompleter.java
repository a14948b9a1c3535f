package dev.coral.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Completes a partly typed {@code coral} command line (what follows {@code %coral} in a notebook) from
 * the grammar of {@link CoralCommands#syntax()}: verbs, sub-verbs and options itself, argument values
 * (refs, tensor names, files…) through the host's {@link Values}.
 *
 * <pre>{@code
 * CommandCompleter.Completion c = CommandCompleter.complete("diff ma", 7,
 *         (kind, prefix) -> kind == ValueKind.REF ? List.of("main", "master") : List.of());
 * c.start();        // 5: replace from here
 * c.candidates();   // [main, master]
 * }</pre>
 *
 * Words are separated by whitespace; quoting is not interpreted, so a value with spaces completes only
 * up to its first space.
 */
public final class CommandCompleter {

    /** Supplies the values an argument of some kind may take. */
    @FunctionalInterface
    public interface Values {
        /**
         * Values of {@code kind} starting with {@code prefix} (the host may also match more loosely).
         * For {@link ValueKind#REF_OR_TENSOR} the prefix may already hold {@code REF:}.
         */
        List<String> candidates(ValueKind kind, String prefix);
    }

    /**
     * Candidates for the word from {@code start} to the cursor.
     *
     * @param start      where the replaced text begins in the line
     * @param candidates full replacements for that text, in a stable order
     */
    public record Completion(int start, List<String> candidates) {
        public Completion {
            candidates = List.copyOf(candidates);
        }
    }

    private static final class Grammar {
        static final List<CommandSyntax> VERBS = CoralCommands.syntax();
        static final List<OptionSyntax> GLOBAL = CoralCommands.globalOptions();
    }

    private CommandCompleter() {
    }

    /** Completes {@code line} at {@code cursor} (an index into {@code line}). */
    public static Completion complete(String line, int cursor, Values values) {
        String before = line.substring(0, cursor);
        int wordStart = before.length();
        while (wordStart > 0 && !Character.isWhitespace(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = before.substring(wordStart);
        String[] done = before.substring(0, wordStart).trim().split("\\s+");
        Position at = Position.after(done[0].isEmpty() ? new String[0] : done);

        if (at.pendingOption != null) {
            return new Completion(wordStart, values.candidates(at.pendingOption.valueKind(), word));
        }
        if (word.startsWith("--") && word.contains("=")) {
            int eq = word.indexOf('=');
            Optional<OptionSyntax> option = find(at.options(), word.substring(0, eq));
            String value = word.substring(eq + 1);
            return new Completion(wordStart + eq + 1, option.filter(OptionSyntax::takesValue)
                    .map(o -> values.candidates(o.valueKind(), value)).orElse(List.of()));
        }
        if (word.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (OptionSyntax o : at.options()) {
                o.names().stream().filter(n -> n.startsWith(word) && !names.contains(n)).forEach(names::add);
            }
            return new Completion(wordStart, names);
        }
        if (at.command == null || !at.command.subcommands().isEmpty() && at.positionals == 0) {
            List<CommandSyntax> choices = at.command == null ? Grammar.VERBS : at.command.subcommands();
            return new Completion(wordStart,
                    choices.stream().map(CommandSyntax::name).filter(n -> n.startsWith(word)).toList());
        }
        return new Completion(wordStart, at.parameter()
                .map(p -> values.candidates(p.kind(), word)).orElse(List.of()));
    }

    private static Optional<OptionSyntax> find(List<OptionSyntax> options, String name) {
        return options.stream().filter(o -> o.names().contains(name)).findFirst();
    }

    /**
     * Where the completed words leave the parse: which (sub-)verb, how many positionals, and an option
     * still awaiting its value.
     */
    private static final class Position {
        CommandSyntax command;
        int positionals;
        OptionSyntax pendingOption;

        static Position after(String[] words) {
            Position p = new Position();
            for (String w : words) {
                if (p.pendingOption != null) {
                    p.pendingOption = null;
                } else if (w.startsWith("-") && w.length() > 1) {
                    Optional<OptionSyntax> o = find(p.options(), w);
                    if (o.isPresent() && o.get().takesValue()) {
                        p.pendingOption = o.get();
                    }
                } else {
                    p.word(w);
                }
            }
            return p;
        }

        private void word(String w) {
            List<CommandSyntax> choices = command == null ? Grammar.VERBS
                    : positionals == 0 ? command.subcommands() : List.of();
            Optional<CommandSyntax> sub = choices.stream().filter(c -> c.name().equals(w)).findFirst();
            if (sub.isPresent()) {
                command = sub.get();
                positionals = 0;
            } else {
                positionals++;
            }
        }

        List<OptionSyntax> options() {
            return command == null ? Grammar.GLOBAL : command.options();
        }

        /** The positional parameter the next word fills, if any (a repeatable last one fills every further word). */
        Optional<ParameterSyntax> parameter() {
            if (command == null || command.parameters().isEmpty()) {
                return Optional.empty();
            }
            List<ParameterSyntax> params = command.parameters();
            if (positionals < params.size()) {
                return Optional.of(params.get(positionals));
            }
            ParameterSyntax last = params.get(params.size() - 1);
            return last.repeatable() ? Optional.of(last) : Optional.empty();
        }
    }
}
