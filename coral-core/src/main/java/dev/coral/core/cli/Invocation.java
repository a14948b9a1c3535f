package dev.coral.core.cli;

import dev.coral.core.cli.command.CommandContext;
import dev.coral.core.cli.command.VerbCommand;
import dev.coral.core.error.NotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed command line, ready to run: the verb with its arguments, or usage text to show. Obtained from
 * {@link CoralCommands#parse}; the host inspects the global options ({@link #json()},
 * {@link #progressRequested()}) before running it with {@link #execute}.
 *
 * <pre>{@code
 * Invocation inv = CoralCommands.parse(List.of("--json", "log", "-n", "5"));
 * Object result = inv.execute(Path.of("."), env);
 * String out = inv.json() ? Json.writePretty(JsonView.of(result)) : TextRenderer.render(result);
 * }</pre>
 *
 * An invocation runs once: picocli filled the command object's fields from the arguments.
 */
public final class Invocation {
    private final String verb;
    private final VerbCommand command;
    private final UsageText usage;
    private final List<String> directories;
    private final boolean json;
    private final boolean progress;
    private boolean executed;

    Invocation(String verb, VerbCommand command, UsageText usage, List<String> directories, boolean json,
               boolean progress) {
        this.verb = verb;
        this.command = command;
        this.usage = usage;
        this.directories = List.copyOf(directories);
        this.json = json;
        this.progress = progress;
    }

    /** The verb as typed ({@code "commit"}, {@code "config set"}), or empty for {@code coral} alone. */
    public String verb() {
        return verb;
    }

    /** True when {@code --json} was given. */
    public boolean json() {
        return json;
    }

    /** True when {@code --progress} was given. */
    public boolean progressRequested() {
        return progress;
    }

    /**
     * The directory the command runs in: {@code start} with each {@code -C DIR} applied in order.
     *
     * @throws NotFoundException when a {@code -C} directory does not exist
     */
    public Path workingDir(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (String d : directories) {
            dir = dir.resolve(d).normalize();
            if (!Files.isDirectory(dir)) {
                throw new NotFoundException("-C " + d + ": no such directory: " + dir);
            }
        }
        return dir;
    }

    /**
     * Runs the command in {@code start} (after {@code -C}) and returns its result record; prints nothing.
     *
     * @throws dev.coral.core.error.CoralException when the command fails; nothing was changed then
     */
    public Object execute(Path start, CommandEnvironment environment) {
        if (executed) {
            throw new IllegalStateException("this invocation of coral " + verb + " already ran; parse the line again");
        }
        executed = true;
        if (usage != null) {
            return usage;
        }
        try (CommandContext context = new CommandContext(workingDir(start), environment)) {
            return command.execute(context);
        }
    }
}
