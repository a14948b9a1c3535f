package dev.coral.core.cli;

import dev.coral.core.repo.Repository;

import java.nio.file.Path;

/**
 * What a command needs from its host: the repository, where {@code add} arguments come from, and where
 * progress goes. The CLI uses {@link #standalone}; the notebook supplies its own so that commands work
 * on the repository it holds open and {@code %coral add model} can stage a Java variable.
 *
 * <pre>{@code
 * CommandEnvironment env = new CommandEnvironment() {
 *     public Repository openRepository(Path dir) { return heldRepository; }
 *     public Repository initRepository(Path dir) { heldRepository = Repository.init(dir); return heldRepository; }
 *     public void releaseRepository(Repository r) { }          // keep it open
 *     public TensorSource tensorSource() { return variablesThenFiles; }
 *     public Progress progress() { return progressBar; }
 * };
 * Object result = CoralCommands.run(Path.of("."), List.of("status"), env);
 * }</pre>
 */
public interface CommandEnvironment {

    /**
     * The repository for a command started in {@code workingDir} (after {@code -C}): the CLI opens the
     * nearest enclosing repository like git; a notebook may return one it holds open.
     *
     * @throws dev.coral.core.error.NotFoundException when there is none
     */
    Repository openRepository(Path workingDir);

    /** Creates a repository in {@code directory} ({@code coral init}) and returns it open. */
    Repository initRepository(Path directory);

    /**
     * Called once a command is done with a repository obtained from {@link #openRepository} or
     * {@link #initRepository}: the CLI closes it, a notebook keeping it open does nothing.
     */
    void releaseRepository(Repository repository);

    /** Resolves the arguments of {@code add}. */
    TensorSource tensorSource();

    /** Receives progress of long commands. */
    Progress progress();

    /**
     * An environment that opens the repository for each command and closes it afterwards, reading
     * {@code add} arguments with {@code source}.
     */
    static CommandEnvironment standalone(TensorSource source, Progress progress) {
        return new StandaloneEnvironment(source, progress);
    }
}
