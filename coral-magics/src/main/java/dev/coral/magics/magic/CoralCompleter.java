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
import java.util.function.Function;
import java.util.function.Supplier;

import dev.coral.core.cli.CommandCompleter;
import dev.coral.core.cli.ValueKind;
import dev.coral.core.error.CoralException;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.LogEntry;
import dev.coral.core.result.TagInfo;
import dev.coral.core.result.TensorEntry;

/**
 * Tab completion inside {@code %coral} lines: the CLI's {@link CommandCompleter} walks the grammar (verbs,
 * sub-verbs, options); this class supplies the values from the notebook's repository — branches, tags,
 * {@code HEAD} and recent commit ids for refs, tensor names of HEAD and the staging area,
 * {@code REF:TENSOR}, files — and completes the notebook verbs {@code open} and {@code cache}.
 *
 * <pre>{@code
 * completer.complete("diff ma");        // [main]
 * completer.complete("show main:fc");   // [main:fc1.bias, main:fc1.weight]
 * }</pre>
 */
final class CoralCompleter {
    private static final int RECENT_COMMITS = 200;

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

    /** Candidates for the last (partial) word of {@code line}; each replaces that whole word. */
    List<String> complete(String line) {
        int wordStart = line.length();
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = line.substring(wordStart);
        String[] before = line.substring(0, wordStart).trim().split("\\s+");
        String verb = before[0];
        if (before.length == 1 && verb.isEmpty()) {
            List<String> all = new ArrayList<>(grammar(line, word, wordStart));
            for (String notebookVerb : List.of(OpenCommand.VERB, CacheCommand.VERB)) {
                if (notebookVerb.startsWith(word)) {
                    all.add(notebookVerb);
                }
            }
            return all;
        }
        if (verb.equals(OpenCommand.VERB)) {
            return matching(files(word, true), word);
        }
        if (verb.equals(CacheCommand.VERB)) {
            return matching(CacheCommand.OPTIONS, word);
        }
        return grammar(line, word, wordStart);
    }

    private List<String> grammar(String line, String word, int wordStart) {
        CommandCompleter.Completion completion = CommandCompleter.complete(line, line.length(),
                (kind, prefix) -> matching(values(kind, prefix), prefix));
        // the CLI may replace only the part after '=' of --option=value; the notebook replaces whole words
        String kept = line.substring(wordStart, Math.max(wordStart, completion.start()));
        return completion.candidates().stream().map(c -> kept + c).filter(c -> c.startsWith(word)).toList();
    }

    private Collection<String> values(ValueKind kind, String partial) {
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
            // an unreadable directory has nothing to offer
            return List.of();
        }
        return names;
    }

    private Collection<String> inRepository(Function<Repository, Collection<String>> read) {
        try {
            return repository.get().map(read).orElse(List.of());
        } catch (CoralException e) {
            // no repository yet, or a ref that does not resolve: nothing to offer
            return List.of();
        }
    }

    private static List<String> matching(Collection<String> candidates, String partial) {
        return new TreeSet<>(candidates).stream().filter(c -> c.startsWith(partial)).toList();
    }
}
