package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TagInfo;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Coral repository: versioned named tensors with commits, branches, tags, diffs and a reflog.
 *
 * <p>A repository is a directory holding {@code .coral/}. One {@code Repository} object may be shared by
 * any number of threads; several processes may open the same directory at once. Every verb returns a
 * result record from {@code dev.coral.core.result}.
 *
 * <pre>{@code
 * try (Repository repo = Repository.init(Path.of("model-repo"))) {
 *     repo.commit(Map.of("fc1.weight", Tensor.randn(1, 200, 200)), "initial weights");
 *     Session s = repo.session();
 *     s.stage("fc1.weight", Tensor.randn(2, 200, 200)).stage("fc1.bias", Tensor.zeros(DType.FLOAT32, 200));
 *     s.commit(CommitRequest.of("epoch 1").withMetric("acc", 0.71));
 *     repo.diff("HEAD~1", "HEAD").modified();
 *     Tensor w = repo.at("HEAD~1").tensor("fc1.weight");
 * }
 * }</pre>
 *
 * <p><b>Refs</b> are written like git: a branch or tag name, {@code HEAD}, a full or abbreviated (at
 * least 4 hex digits) commit id, followed by any number of {@code ~n} (n-th first-parent ancestor),
 * {@code ^} (first parent) or {@code ^n} (n-th parent) suffixes: {@code main~2}, {@code HEAD^},
 * {@code 3fa2c1^2}.
 *
 * <p><b>Concurrency.</b> A commit encodes and stores its tensors first, then in one SQLite transaction
 * checks the branch tip it started from, writes the commit, moves the branch and appends the reflog. If
 * another writer moved the branch meanwhile, the commit is replayed on the new tip when none of its
 * names were changed in between, and fails with {@link ConflictException} otherwise: never a silent
 * overwrite. An acknowledged commit survives {@code kill -9} (and a power cut with durability {@code full}).
 */
public final class Repository implements AutoCloseable {

    private Repository() {
    }

    /**
     * Creates a repository in {@code dir} (created if missing) by making {@code dir/.coral/}. HEAD is on
     * the branch {@code main}, which has no commit yet.
     *
     * @throws InvalidInputException when {@code dir} already holds a repository
     */
    public static Repository init(Path dir) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Opens the repository holding {@code anyDirInside}: that directory or the nearest parent with a
     * {@code .coral/} directory, like git.
     *
     * @throws NotFoundException when no directory up to the file-system root holds a repository
     */
    public static Repository open(Path anyDirInside) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The directory that holds {@code .coral/}. */
    public Path root() {
        throw new UnsupportedOperationException("in progress");
    }

    /** A new session with its own staging area, committing on HEAD's branch (or the detached HEAD). */
    public Session session() {
        throw new UnsupportedOperationException("in progress");
    }

    /** A new session committing on {@code branch} (created by its first commit if it does not exist). */
    public Session session(String branch) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Commits {@code tensors} (added or replacing same-name tensors of the parent tree) in one atomic step
     * on HEAD's branch.
     *
     * @throws ConflictException when another writer changed one of these names since this call began
     */
    public CommitResult commit(Map<String, Tensor> tensors, String message) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Like {@link #commit(Map, String)} with author, metrics, target branch and extra parents. */
    public CommitResult commit(Map<String, Tensor> tensors, CommitRequest request) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The repository's on-disk staging index, shared by every process (what {@code coral add} fills). */
    public Index index() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Repository settings ({@code durability}, codec tuning, {@code user.name}). */
    public Config config() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Where HEAD is and what the on-disk index stages. */
    public StatusResult status() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * The history reachable from {@code ref}, newest first. Reads commits only, never trees.
     *
     * @param limit           most entries returned; 0 or less for all
     * @param firstParentOnly follow only first parents (the branch's own line) instead of the full graph
     * @return an empty log when {@code ref} is {@code HEAD} on a branch with no commit yet
     */
    public LogResult log(String ref, int limit, boolean firstParentOnly) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Describes {@code REF} (a commit and its tree) or {@code REF:TENSOR} (one tensor: id, dtype, shape,
     * bytes, storage and min/max/mean/std). The ref is everything before the first {@code ':'}.
     */
    public ShowResult show(String spec) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Moves HEAD to a branch, or to a commit (detached HEAD) when {@code ref} is anything else. The
     * on-disk index is kept.
     */
    public CheckoutResult checkout(String ref) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Creates branch {@code name} at {@code startRef}.
     *
     * @throws InvalidInputException when the name breaks git's ref-name rules or already exists
     */
    public BranchInfo createBranch(String name, String startRef) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Every branch, sorted by name. */
    public List<BranchInfo> branches() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Deletes branch {@code name}; its commits stay reachable by id and from the reflog.
     *
     * @throws InvalidInputException when HEAD is on it
     */
    public BranchInfo deleteBranch(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Creates an annotated tag.
     *
     * @param ref     the commit to tag
     * @param message its message (may be empty)
     * @param metrics metrics such as {@code acc=0.93} (see {@link Metrics#parse})
     */
    public TagInfo createTag(String name, String ref, String message, Map<String, Double> metrics) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Every tag, sorted by name. */
    public List<TagInfo> tags() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Deletes tag {@code name}. */
    public TagInfo deleteTag(String name) {
        throw new UnsupportedOperationException("in progress");
    }

    /** {@code diff(ref, "HEAD")}: what changed from {@code ref} to HEAD. */
    public DiffResult diff(String ref) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * What changed from {@code from} to {@code to}: added, removed, modified (with L2, cosine, max |Δ| and
     * fraction of changed elements when dtype and shape are unchanged) and renamed-by-content tensors.
     */
    public DiffResult diff(String from, String to) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The movements of {@code ref} ({@code HEAD} or a branch name), newest first. */
    public ReflogResult reflog(String ref) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Counts and sizes: commits, tensors, unique objects, logical and stored bytes. */
    public StatsResult stats() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Verifies every stored object (checksum, decoding and id) and every reference (branches, tags, HEAD,
     * commit parents, tree entries, delta bases, index entries).
     */
    public FsckResult fsck() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Reads tensor {@code tensorName} of commit {@code ref} from storage (never from the cache), verified.
     *
     * @throws NotFoundException       when the ref or the name does not exist
     * @throws CorruptObjectException  when the stored bytes fail verification
     */
    public Tensor read(String ref, String tensorName) {
        throw new UnsupportedOperationException("in progress");
    }

    /** A lazy view of commit {@code ref}: names now, tensors on first access through a shared cache. */
    public ModelView at(String ref) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * The commit {@code ref} names.
     *
     * @throws NotFoundException      when nothing matches
     * @throws InvalidInputException  when an abbreviated id matches several commits
     */
    public ObjectId resolve(String ref) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Closes the database connections. Sessions and views of this repository stop working. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("in progress");
    }
}
