package dev.coral.core.cli.command;

import dev.coral.core.cli.CommandEnvironment;
import dev.coral.core.cli.Progress;
import dev.coral.core.repo.Repository;

import java.nio.file.Path;

/**
 * What a running verb works with: its working directory (after {@code -C}), the repository (opened on
 * first use) and the host's environment. Closing the context hands the repository back to the host.
 *
 * <pre>{@code
 * try (CommandContext context = new CommandContext(dir, environment)) {
 *     return verb.execute(context);
 * }
 * }</pre>
 */
public final class CommandContext implements AutoCloseable {
    private final Path workingDir;
    private final CommandEnvironment environment;
    private Repository repository;

    public CommandContext(Path workingDir, CommandEnvironment environment) {
        this.workingDir = workingDir;
        this.environment = environment;
    }

    /** The directory the command runs in; relative paths given to it are resolved against this. */
    public Path workingDir() {
        return workingDir;
    }

    /** {@code path} resolved against the working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }

    public CommandEnvironment environment() {
        return environment;
    }

    public Progress progress() {
        return environment.progress();
    }

    /** The repository enclosing the working directory, opened on first call. */
    public Repository repository() {
        if (repository == null) {
            repository = environment.openRepository(workingDir);
        }
        return repository;
    }

    /** Creates a repository in {@code directory}; it becomes this context's repository. */
    Repository initRepository(Path directory) {
        if (repository != null) {
            throw new IllegalStateException("a repository is already open in this command");
        }
        repository = environment.initRepository(directory);
        return repository;
    }

    @Override
    public void close() {
        if (repository != null) {
            Repository r = repository;
            repository = null;
            environment.releaseRepository(r);
        }
    }
}
