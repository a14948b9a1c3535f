package dev.coral.magics.magic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.coral.core.cli.CommandSyntax;
import dev.coral.core.cli.CoralCommands;
import dev.coral.core.cli.OptionSyntax;
import dev.coral.core.cli.ParameterSyntax;
import dev.coral.core.cli.ValueKind;
import dev.coral.core.error.CoralException;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.TagInfo;
import dev.coral.core.result.TensorEntry;

/**
 * Tab completion inside {@code %coral} lines, driven by the CLI's grammar ({@link CoralCommands#syntax()}):
 * verbs, sub-verbs and options by name; values by what they name — branches, tags, {@code HEAD} and
 * commit ids for refs, tensor names of HEAD and the staging area, {@code REF:TENSOR}, files.
 *
 * <pre>{@code
 * completer.complete("diff ma");        // [main]
 * completer.complete("show main:fc");   // [main:fc1.bias, main:fc1.weight]
 * }</pre>
 */
final class CoralCompleter {
    private static final int RECENT_COMMITS = 200;

    private final List<CommandSyntax> verbs = CoralCommands.syntax();
    private final List<OptionSyntax> globalOptions = CoralCommands.globalOptions();
    private final Supplier<Optional<Repository>> repository;
    private final Path workingDir;

    /**
     * @param repository the notebook's repository, if there is one
     * @param workingDir where file names are completed
     */
    CoralCompleter(Supplier<Optional<Repository>> repository, Path workingDir) {
        this.repository = repository;
        this.workingDir = workingDir;
    }

    /** Candidates for the last (partial) word of {@code line}; each replaces that word. */
    List<String> complete(String line) {
        List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        boolean newWord = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        String partial = newWord || words.isEmpty() ? "" : words.remove(words.size() - 1);
        return matching(candidates(words, partial), partial);
    }

    private Collection<String> candidates(List<String> before, String partial) {
        int verbAt = firstPositional(before, globalOptions);
        if (verbAt < 0) {
            if (!before.isEmpty() && valueOption(globalOptions, before.get(before.size() - 1)).isPresent()) {
                return files(partial, true);
            }
            return partial.startsWith("-") ? names(globalOptions) : verbNames();
        }
        String verb = before.get(verbAt);
        List<String> args = before.subList(verbAt + 1, before.size());
        if (verb.equals(CacheCommand.VERB)) {
            return CacheCommand.OPTIONS;
        }
        if (verb.equals(OpenCommand.VERB)) {
            return files(partial, true);
        }
        Optional<CommandSyntax> syntax = verbs.stream().filter(v -> v.name().equals(verb)).findFirst();
        if (syntax.isEmpty()) {
            return List.of();
        }
        CommandSyntax command = syntax.get();
        if (!command.subcommands().isEmpty()) {
            if (args.isEmpty()) {
                return command.subcommands().stream().map(CommandSyntax::name).toList();
            }
            String sub = args.get(0);
            Optional<CommandSyntax> subSyntax = command.subcommands().stream().filter(s -> s.name().equals(sub)).findFirst();
            if (subSyntax.isPresent()) {
                command = subSyntax.get();
                args = args.subList(1, args.size());
            }
        }
        if (partial.startsWith("-")) {
            return names(command.options());
        }
        if (!args.isEmpty()) {
            Optional<OptionSyntax> option = valueOption(command.options(), args.get(args.size() - 1));
            if (option.isPresent()) {
                return values(option.get().valueKind(), partial);
            }
        }
        int index = positionalCount(args, command.options());
        List<ParameterSyntax> parameters = command.parameters();
        if (parameters.isEmpty()) {
            return List.of();
        }
        ParameterSyntax parameter = parameters.get(Math.min(index, parameters.size() - 1));
        if (index >= parameters.size() && !parameter.repeatable()) {
            return List.of();
        }
        return values(parameter.kind(), partial);
    }

    private Collection<String> values(ValueKind kind, String partial) {
        if (kind == null) {
            return List.of();
        }
        return switch (kind) {
            case REF -> refs();
            case REF_OR_TENSOR -> partial.contains(":") ? tensorsAt(partial.substring(0, partial.indexOf(':'))) : refs();
            case BRANCH -> inRepository(r -> r.branches().stream().map(BranchInfo::name).toList());
            case TAG -> inRepository(r -> r.tags().stream().map(TagInfo::name).toList());
            case TENSOR -> tensorNames();
            case FILE -> files(partial, false);
            case DIRECTORY -> files(partial, true);
            default -> List.of();
        };
    }

    private Collection<String> refs() {
        return inRepository(r -> {
            List<String> refs = new ArrayList<>();
            refs.add("HEAD");
            r.branches().forEach(b -> refs.add(b.name()));
            r.tags().forEach(t -> refs.add(t.name()));
            try {
                for (LogEntry e : r.log("HEAD", RECENT_COMMITS, false).entries()) {
                    refs.add(e.commit().shortId());
                }
            } catch (CoralException e) {
                // HEAD has no commit yet: there are no commit ids to offer
            }
            return refs;
        });
    }

    private Collection<String> tensorsAt(String ref) {
        return inRepository(r -> r.show(ref).tree().stream().map(t -> ref + ":" + t.name()).toList());
    }

    private Collection<String> tensorNames() {
        return inRepository(r -> {
            TreeSet<String> names = new TreeSet<>();
            r.status().staged().stream().map(DiffEntry::name).forEach(names::add);
            try {
                r.show("HEAD").tree().stream().map(TensorEntry::name).forEach(names::add);
            } catch (CoralException e) {
                // HEAD has no commit yet: only staged names exist
            }
            return names;
        });
    }

    private Collection<String> files(String partial, boolean directoriesOnly) {
        int slash = partial.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : partial.substring(0, slash + 1);
        Path dir = workingDir.resolve(dirPart.isEmpty() ? "." : dirPart);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                boolean isDir = Files.isDirectory(p);
                if (isDir || !directoriesOnly) {
                    names.add(dirPart + p.getFileName() + (isDir ? "/" : ""));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }

    private Collection<String> inRepository(java.util.function.Function<Repository, Collection<String>> read) {
        try {
            return repository.get().map(read).orElse(List.of());
        } catch (CoralException e) {
            return List.of();
        }
    }

    private List<String> verbNames() {
        List<String> names = new ArrayList<>();
        verbs.forEach(v -> names.add(v.name()));
        names.add(OpenCommand.VERB);
        names.add(CacheCommand.VERB);
        return names;
    }

    private static List<String> names(List<OptionSyntax> options) {
        return options.stream().flatMap(o -> o.names().stream()).toList();
    }

    /** The option among {@code options} named {@code word} that takes a value, if any. */
    private static Optional<OptionSyntax> valueOption(List<OptionSyntax> options, String word) {
        return options.stream().filter(o -> o.takesValue() && o.names().contains(word)).findFirst();
    }

    /** Index of the first word that is neither an option nor an option's value; -1 when none. */
    private static int firstPositional(List<String> words, List<OptionSyntax> options) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                return i;
            }
            if (!w.contains("=") && valueOption(options, w).isPresent()) {
                i++;
            }
        }
        return -1;
    }

    private static int positionalCount(List<String> words, List<OptionSyntax> options) {
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                count++;
            } else if (!w.contains("=") && valueOption(options, w).isPresent()) {
                i++;
            }
        }
        return count;
    }

    private static List<String> matching(Collection<String> candidates, String partial) {
        return new TreeSet<>(candidates).stream().filter(c -> c.startsWith(partial)).toList();
    }
}
