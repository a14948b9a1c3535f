package dev.coral.magics.magic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.coral.core.cli.ArgumentSplitter;
import dev.coral.core.cli.CoralCommands;
import dev.coral.core.cli.Invocation;
import dev.coral.core.cli.JsonView;
import dev.coral.core.cli.UsageText;
import dev.coral.core.error.CoralException;
import dev.coral.core.json.Json;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.ShowResult;
import dev.coral.kernel.api.CellMagic;
import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.MagicContext;
import dev.coral.kernel.api.Rendering;
import dev.coral.magics.lazy.TensorCache;
import dev.coral.magics.progress.ProgressBar;

/**
 * The {@code %coral} line magic and {@code %%coral} cell magic: every verb of the {@code coral} CLI, with
 * the CLI's own grammar ({@link CoralCommands}), run on the notebook's repository; plus the notebook
 * verbs {@code open} and {@code cache}. A command answers with its result record, which the Coral
 * renderers show and which a cell can keep:
 *
 * <pre>{@code
 * %coral init models                   // or %coral init {repoDir}, a Path computed in a cell
 * %coral add model                      // the Java variable `model`, or a tensor file
 * %coral commit -m "first weights"
 * var d = %coral diff HEAD~1 HEAD       // a DiffResult; d.modified() in the next cell
 * var coral = %coral open models        // the lazy façade: coral.at("main~1").tensor("fc1.weight")
 * %coral cache --max 2g                 // the lazy views' tensor cache: size, hit rate, evictions
 * }</pre>
 *
 * {@code {expression}} in a line is replaced by the value of the Java expression ({@link JavaExpansion}).
 * {@code %%coral commit} takes the cell's body as the commit message; with another verb the body's words
 * are more arguments. Mistakes (unknown verb or ref, missing argument, a variable that holds no tensors)
 * end the cell with a one-line {@link CoralMagicException}; the notebook stays usable.
 */
public final class CoralMagic implements LineMagic, CellMagic, AutoCloseable {
    /** The magic's name, as in {@code %coral}. */
    public static final String NAME = "coral";
    private static final String NOTEBOOK_VERBS = "\nIn a notebook also:\n  " + OpenCommand.USAGE.substring("usage: ".length())
            + "\n  " + CacheCommand.USAGE.substring("usage: ".length()) + "\n  %%coral commit   (the cell's body is the message)\n";

    private final NotebookRepository notebook;
    private final CoralCompleter completer;
    private final ScheduledExecutorService progressClock;
    private final Duration progressQuietPeriod;

    /**
     * A magic working in {@code workingDir} (a kernel's working directory: the notebook's directory) whose
     * lazy views share {@code cache}.
     */
    public CoralMagic(Path workingDir, TensorCache cache) {
        this(workingDir, cache, CellProgress.QUIET_PERIOD);
    }

    /** As {@link #CoralMagic(Path, TensorCache)}, showing progress of commands that run longer than {@code progressQuietPeriod}. */
    CoralMagic(Path workingDir, TensorCache cache, Duration progressQuietPeriod) {
        this.progressQuietPeriod = progressQuietPeriod;
        this.notebook = new NotebookRepository(workingDir, cache);
        this.completer = new CoralCompleter(this::repositoryIfAny, notebook.workingDir());
        this.progressClock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coral-progress-clock");
            t.setDaemon(true);
            return t;
        });
    }

    /** A magic for a kernel: the process's working directory and a cache with the default bound. */
    public static CoralMagic forKernel() {
        return new CoralMagic(Path.of("").toAbsolutePath(), TensorCache.builder().build());
    }

    @Override
    public Object run(MagicArgs args, MagicContext context) {
        return execute(expanded(args, context), context);
    }

    @Override
    public Object run(MagicArgs args, String body, MagicContext context) {
        List<String> words = new ArrayList<>(expanded(args, context));
        if (words.isEmpty()) {
            throw new CoralMagicException("%%coral needs a verb on its first line, e.g. %%coral commit "
                    + "(the cell's body is then the message)");
        }
        if (words.get(0).equals("commit")) {
            if (words.stream().anyMatch(w -> w.startsWith("-m") || w.startsWith("--message"))) {
                throw new CoralMagicException("%%coral commit takes the cell's body as the message; "
                        + "drop -m/--message from the first line");
            }
            if (body.isBlank()) {
                throw new CoralMagicException("%%coral commit: the cell's body is the commit message, and it is empty");
            }
            words.add("--message=" + body.strip());
        } else {
            words.addAll(ArgumentSplitter.split(body.replace('\n', ' ')));
        }
        return execute(words, context);
    }

    @Override
    public List<String> complete(String argsBeforeCursor, MagicContext context) {
        return completer.complete(argsBeforeCursor);
    }

    private Optional<Repository> repositoryIfAny() {
        try {
            return Optional.of(notebook.current().repository());
        } catch (CoralException e) {
            // no repository in or above the notebook's directory yet: completion offers no refs
            return Optional.empty();
        }
    }

    private static List<String> expanded(MagicArgs args, MagicContext context) {
        return MagicArgs.parse(JavaExpansion.expand(args.line(), context::evaluate)).tokens();
    }

    private Object execute(List<String> words, MagicContext context) {
        try {
            if (!words.isEmpty() && words.get(0).equals(OpenCommand.VERB)) {
                return OpenCommand.run(words.subList(1, words.size()), notebook);
            }
            if (!words.isEmpty() && words.get(0).equals(CacheCommand.VERB)) {
                return CacheCommand.run(words.subList(1, words.size()), notebook.cache());
            }
            return runCommand(words, context);
        } catch (CoralException e) {
            throw new CoralMagicException(forNotebook(e.getMessage()));
        }
    }

    private Object runCommand(List<String> words, MagicContext context) {
        Invocation invocation = CoralCommands.parse(words);
        Object result;
        try (CellProgress progress = new CellProgress(invocation.verb(), new ProgressBar(context),
                progressQuietPeriod, progressClock, System::nanoTime)) {
            NotebookEnvironment environment = new NotebookEnvironment(notebook,
                    new VariableTensorSource(context::variable), progress);
            result = invocation.execute(notebook.workingDir(), environment);
        }
        if (result instanceof UsageText usage) {
            return Rendering.text(forNotebook(usage.text()) + (invocation.verb().isEmpty() ? NOTEBOOK_VERBS : ""));
        }
        if (invocation.json()) {
            return Rendering.json(Json.writePretty(JsonView.of(result)));
        }
        boolean onNotebookRepository = invocation.workingDir(notebook.workingDir()).equals(notebook.workingDir());
        if (result instanceof ShowResult show && show.isTensor() && onNotebookRepository) {
            // in a notebook, a tensor is shown with the histogram of its values (read through the cache)
            return notebook.current().detail(show);
        }
        return result;
    }

    /** The CLI's messages point at {@code coral --help}; in a notebook that is {@code %coral --help}. */
    private static String forNotebook(String message) {
        return message.replace("see coral ", "see %coral ").replace("Usage: coral", "Usage: %coral")
                .replace("`coral init`", "`%coral init DIR` or choose one with `%coral open DIR`");
    }

    /** Closes the notebook's repository and stops the progress clock. */
    @Override
    public void close() {
        progressClock.shutdownNow();
        notebook.close();
    }
}
