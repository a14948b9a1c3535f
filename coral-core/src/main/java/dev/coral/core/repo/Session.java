package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.tensor.Tensor;

import java.util.Map;
import java.util.Set;

/**
 * A private staging area (in memory) for one notebook, thread or training loop. Sessions of one
 * repository never see each other's staged tensors.
 *
 * <p>The session remembers the branch tip when its first change is staged. At commit, if the branch has
 * moved since, the commit is replayed on the new tip when none of the staged names were changed in
 * between, and fails with {@link ConflictException} otherwise (the staging is kept so the caller can
 * {@link #clear()} or retry on a fresh session).
 *
 * <pre>{@code
 * Session s = repo.session();
 * s.stage("fc1.weight", w).remove("old.bias");
 * CommitResult r = s.commit("epoch 2");
 * }</pre>
 *
 * <p>A session is meant for one thread at a time; its methods are synchronized so misuse is safe.
 */
public final class Session {

    Session() {
    }

    /** The branch this session commits on, or null when it commits on a detached HEAD. */
    public String branch() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stages {@code tensor} under {@code name} (replacing anything staged under it). */
    public Session stage(String name, Tensor tensor) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stages every entry of {@code tensors}. All names are checked before any is staged. */
    public Session stageAll(Map<String, Tensor> tensors) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stages the removal of {@code name} from the next commit's tree. */
    public Session remove(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Tensors staged for addition or replacement, by name. */
    public Map<String, Tensor> staged() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Names staged for removal. */
    public Set<String> removals() {
        throw new UnsupportedOperationException("in progress");
    }

    /** The staged changes relative to the branch tip. */
    public StatusResult status() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Drops everything staged. */
    public void clear() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Commits the staged changes with {@code message}; the staging is empty afterwards. */
    public CommitResult commit(String message) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Commits the staged changes; the staging is empty afterwards. */
    public CommitResult commit(CommitRequest request) {
        throw new UnsupportedOperationException("in progress");
    }
}
