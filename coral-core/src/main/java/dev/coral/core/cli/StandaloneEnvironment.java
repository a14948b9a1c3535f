package dev.coral.core.cli;

import dev.coral.core.repo.Repository;

import java.nio.file.Path;

/** Opens a repository per command and closes it afterwards: the CLI's environment. */
record StandaloneEnvironment(TensorSource tensorSource, Progress progress) implements CommandEnvironment {

    @Override
    public Repository openRepository(Path workingDir) {
        return Repository.open(workingDir);
    }

    @Override
    public Repository initRepository(Path directory) {
        return Repository.init(directory);
    }

    @Override
    public void releaseRepository(Repository repository) {
        repository.close();
    }
}
