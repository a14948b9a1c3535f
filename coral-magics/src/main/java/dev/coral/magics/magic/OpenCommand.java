package dev.coral.magics.magic;

import java.nio.file.Path;
import java.util.List;

import dev.coral.core.cli.UsageException;
import dev.coral.magics.lazy.Coral;

/**
 * {@code %coral open [PATH]}: the notebook-only verb that makes the repository holding {@code PATH}
 * (relative to the notebook's directory; default: the notebook's directory, walking up) the notebook's
 * repository. Answers with its {@link Coral} façade, so {@code var coral = %coral open models} gives
 * lazy views: {@code coral.at("main~1").tensor("fc1.weight")}.
 */
final class OpenCommand {
    static final String VERB = "open";
    static final String USAGE = "usage: %coral open [PATH]   (the repository holding PATH becomes the notebook's)";

    private OpenCommand() {
    }

    /** Runs the verb with the words after {@code open}. */
    static Object run(List<String> args, NotebookRepository notebook) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            return USAGE;
        }
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
            throw new UsageException("open takes one PATH, got " + String.join(" ", args) + "; " + USAGE);
        }
        return notebook.open(Path.of(args.isEmpty() ? "." : args.get(0)));
    }
}
