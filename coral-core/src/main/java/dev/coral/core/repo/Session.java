package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.names.RefNames;
import dev.coral.core.names.TensorNames;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.StatusResult;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
    private final Repository repo;
    private final CommitWriter writer;
    private final String branch;
    private final Map<String, Tensor> puts = new LinkedHashMap<>();
    private final Set<String> removals = new LinkedHashSet<>();
    private boolean hasBase;
    private ObjectId baseTip;

    Session(Repository repo, CommitWriter writer, String branch) {
        this.repo = repo;
        this.writer = writer;
        this.branch = branch;
    }

    /** The branch this session commits on, or null when it commits on a detached HEAD. */
    public String branch() {
        return branch;
    }

    /** Stages {@code tensor} under {@code name} (replacing anything staged under it). */
    public Session stage(String name, Tensor tensor) {
        return stageAll(Collections.singletonMap(name, tensor));
    }

    /** Stages every entry of {@code tensors}. All names are checked before any is staged. */
    public synchronized Session stageAll(Map<String, Tensor> tensors) {
        tensors.forEach((name, tensor) -> {
            TensorNames.check(name);
            requireTensor(name, tensor);
        });
        captureBase();
        tensors.forEach((name, tensor) -> {
            removals.remove(name);
            puts.put(name, tensor);
        });
        return this;
    }

    private static void requireTensor(String name, Tensor tensor) {
        if (tensor == null) {
            throw new InvalidInputException("no tensor given for '" + name + "'");
        }
    }

    /**
     * Stages the removal of {@code name} from the next commit's tree (or drops it from the staging when it
     * was only staged).
     *
     * @throws NotFoundException when {@code name} is neither in the branch's tip nor staged
     */
    public synchronized Session remove(String name) {
        TensorNames.check(name);
        captureBase();
        boolean wasStaged = puts.remove(name) != null;
        if (repo.treeOf(baseTip).get(name) != null) {
            removals.add(name);
        } else if (!wasStaged) {
            throw new NotFoundException("cannot remove '" + name + "': it is neither in "
                    + (branch == null ? "HEAD" : "branch '" + branch + "'") + " nor staged");
        }
        return this;
    }

    private void captureBase() {
        if (!hasBase) {
            baseTip = repo.tipOf(branch);
            hasBase = true;
        }
    }

    /** Tensors staged for addition or replacement, by name. */
    public synchronized Map<String, Tensor> staged() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(puts));
    }

    /** Names staged for removal. */
    public synchronized Set<String> removals() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(removals));
    }

    /** The staged changes relative to the tip the session's changes are based on (the current tip when none). */
    public synchronized StatusResult status() {
        ObjectId tip = hasBase ? baseTip : repo.tipOf(branch);
        Tree tree = repo.treeOf(tip);
        Map<String, TreeEntry> entries = new TreeMap<>();
        puts.forEach((name, tensor) -> entries.put(name, TreeEntry.of(TensorHasher.id(tensor), tensor)));
        List<DiffEntry> staged = TreeDiff.diff(tree, tree.apply(entries, removals), null);
        return new StatusResult(branch, tip, branch == null, staged);
    }

    /** Drops everything staged. */
    public synchronized void clear() {
        puts.clear();
        removals.clear();
        hasBase = false;
        baseTip = null;
    }

    /** Commits the staged changes with {@code message}; the staging is empty afterwards. */
    public CommitResult commit(String message) {
        return commit(CommitRequest.of(message));
    }

    /**
     * Commits the staged changes; the staging is empty afterwards. When the request names another branch
     * than the session's, the changes are applied to that branch's tip at commit time.
     *
     * @throws ConflictException when a staged name was changed on the branch since it was staged (the
     *                           staging is kept)
     */
    public synchronized CommitResult commit(CommitRequest request) {
        if (puts.isEmpty() && removals.isEmpty() && request.extraParents().isEmpty()) {
            throw new InvalidInputException("nothing to commit: stage tensors first");
        }
        String targetBranch = request.branch() != null ? request.branch() : branch;
        if (targetBranch != null) {
            RefNames.check(targetBranch, "branch");
        }
        boolean sameBranch = Objects.equals(targetBranch, branch);
        CommitTarget target = sameBranch && hasBase
                ? new CommitTarget(targetBranch, true, baseTip)
                : new CommitTarget(targetBranch, true, repo.tipOf(targetBranch));
        List<ObjectId> extraParents = repo.resolveAll(request.extraParents());
        ChangeSet changes = writer.prepare(puts, removals, repo.treeOf(target.baseTip()));
        CommitResult result = writer.commit(changes, target, request, extraParents);
        clear();
        return result;
    }
}
