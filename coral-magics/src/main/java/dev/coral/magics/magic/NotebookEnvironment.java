package dev.coral.magics.magic;

import java.nio.file.Path;

import dev.coral.core.cli.CommandEnvironment;
import dev.coral.core.cli.Progress;
import dev.coral.core.cli.TensorSource;
import dev.coral.core.repo.Repository;

/**
 * How {@code %coral} commands reach their repository: the notebook's repository, kept open between
 * cells, unless {@code -C DIR} points elsewhere (that one is opened for the command only).
 * {@code init} makes the new repository the notebook's.
 */
final class NotebookEnvironment implements CommandEnvironment {
    private final NotebookRepository notebook;
    private final TensorSource tensors;
    private final Progress progress;

    NotebookEnvironment(NotebookRepository notebook, TensorSource tensors, Progress progress) {
        this.notebook = notebook;
        this.tensors = tensors;
        this.progress = progress;
    }

    @Override
    public Repository openRepository(Path workingDir) {
        if (workingDir.equals(notebook.workingDir())) {
            return notebook.current().repository();
        }
        return Repository.open(workingDir);
    }

    @Override
    public Repository initRepository(Path directory) {
        return notebook.init(directory).repository();
    }

    @Override
    public void releaseRepository(Repository repository) {
        boolean held = notebook.ifOpen().map(c -> c.repository() == repository).orElse(false);
        if (!held) {
            repository.close();
        }
    }

    @Override
    public TensorSource tensorSource() {
        return tensors;
    }

    @Override
    public Progress progress() {
        return progress;
    }
}
