package dev.coral.core.repo;

import dev.coral.core.error.ConflictException;
import dev.coral.core.error.CoralException;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.fs.Directories;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.ConfigTable;
import dev.coral.core.meta.Database;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Head;
import dev.coral.core.meta.RefTable;
import dev.coral.core.names.RefNames;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CacheStats;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.CommitInfo;
import dev.coral.core.result.CommitResult;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.DiffResult;
import dev.coral.core.result.FsckResult;
import dev.coral.core.result.LogResult;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.GcResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.ShowResult;
import dev.coral.core.result.StatsResult;
import dev.coral.core.result.StatusResult;
import dev.coral.core.result.TagInfo;
import dev.coral.core.result.TensorEntry;
import dev.coral.core.result.TensorStorage;
import dev.coral.core.result.TensorSummary;
import dev.coral.core.store.StoredTensorInfo;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeEntry;
import dev.coral.core.tensor.Tensor;
import dev.coral.core.tensor.TensorStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

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
    /** Name of the directory that holds the repository's data. */
    public static final String DIR = ".coral";
    /** How old an unreferenced object file must be before {@link #gc} deletes it, unless told otherwise. */
    public static final Duration GC_GRACE = Duration.ofHours(1);
    static final String DB_FILE = "coral.db";

    private final Stores stores;
    private final Settings settings = new Settings();
    private final RefResolver resolver;
    private final WalBound walBound;
    private final CommitWriter writer;
    private final History history;
    private final Config config;
    private final Index index;
    private final RefCommands refs;

    private Repository(Path root, Database db) {
        this.stores = new Stores(root, db);
        this.resolver = new RefResolver(stores.commits);
        this.walBound = new WalBound(db);
        this.writer = new CommitWriter(stores, settings, walBound);
        this.history = new History(stores.commits);
        this.config = new Config(stores, settings, this::applySettings);
        this.index = new Index(this, stores, writer);
        this.refs = new RefCommands(stores, resolver, settings);
        settings.load(db.read(ConfigTable::all));
        applySettings();
    }

    private void applySettings() {
        boolean fsync = settings.durability() == Durability.FULL;
        stores.db.setSynchronous(fsync);
        stores.tensors.configure(settings.codecSettings(), fsync);
    }

    /**
     * Creates a repository in {@code dir} (created if missing) by making {@code dir/.coral/}. HEAD is on
     * the branch {@code main}, which has no commit yet. The repository appears whole or not at all: it is
     * built in a temporary directory and renamed into place.
     *
     * @throws InvalidInputException when {@code dir} already holds a repository
     */
    public static Repository init(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path target = root.resolve(DIR);
        if (Files.exists(target)) {
            throw new InvalidInputException(root + " already holds a Coral repository");
        }
        Path staging = root.resolve(DIR + ".init-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(staging.resolve("objects"));
            Database.create(staging.resolve(DB_FILE)).close();
            Database.preallocateLog(staging.resolve(DB_FILE));
            Directories.sync(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Directories.sync(root); // the repository survives a power cut once init has returned
        } catch (IOException e) {
            deleteQuietly(staging, e);
            if (Files.exists(target)) {
                throw new InvalidInputException(root + " already holds a Coral repository");
            }
            throw new CoralException("cannot create a repository in " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging, e);
            throw e;
        }
        return open(root);
    }

    private static void deleteQuietly(Path dir, Exception cause) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Opens the repository holding {@code anyDirInside}: that directory or the nearest parent with a
     * {@code .coral/} directory, like git.
     *
     * @throws NotFoundException when no directory up to the file-system root holds a repository
     */
    public static Repository open(Path anyDirInside) {
        Path start = anyDirInside.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DIR))) {
                Database db = Database.open(dir.resolve(DIR).resolve(DB_FILE));
                try {
                    return new Repository(dir, db);
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            }
        }
        throw new NotFoundException("no Coral repository in " + start
                + " or any parent directory; create one with `coral init`");
    }

    /** The directory that holds {@code .coral/}. */
    public Path root() {
        return stores.root;
    }

    /** A new session with its own staging area, committing on HEAD's branch (or the detached HEAD). */
    public Session session() {
        Head head = stores.read(RefTable::head);
        return new Session(this, writer, head.branch());
    }

    /** A new session committing on {@code branch} (created by its first commit if it does not exist). */
    public Session session(String branch) {
        RefNames.check(branch, "branch");
        return new Session(this, writer, branch);
    }

    /**
     * Commits {@code tensors} (added or replacing same-name tensors of the parent tree) in one atomic step
     * on HEAD's branch.
     *
     * @throws ConflictException when another writer changed one of these names since this call began
     */
    public CommitResult commit(Map<String, Tensor> tensors, String message) {
        return commit(tensors, CommitRequest.of(message));
    }

    /** Like {@link #commit(Map, String)} with author, metrics, target branch and extra parents. */
    public CommitResult commit(Map<String, Tensor> tensors, CommitRequest request) {
        Session session = request.branch() != null ? session(request.branch()) : session();
        return session.stageAll(tensors).commit(request);
    }

    /** The repository's on-disk staging index, shared by every process (what {@code coral add} fills). */
    public Index index() {
        return index;
    }

    /** Repository settings ({@code durability}, codec tuning, {@code user.name}). */
    public Config config() {
        return config;
    }

    /** Where HEAD is and what the on-disk index stages. */
    public StatusResult status() {
        return stores.read(c -> {
            Head head = RefTable.head(c);
            ObjectId commit = RefTable.commitOf(c, head);
            return new StatusResult(head.branch(), commit, head.isDetached(), index.staged(c, stores.treeOf(c, commit)));
        });
    }

    /**
     * The history reachable from {@code ref}, newest first. Reads commits only, never trees.
     *
     * @param limit           most entries returned; 0 or less for all
     * @param firstParentOnly follow only first parents (the branch's own line) instead of the full graph
     * @return an empty log when {@code ref} is {@code HEAD} on a branch with no commit yet
     */
    public LogResult log(String ref, int limit, boolean firstParentOnly) {
        return stores.read(c -> {
            ObjectId start = isUnbornHead(c, ref) ? null : resolver.resolve(c, ref);
            return history.log(c, ref, start, limit, firstParentOnly);
        });
    }

    private static boolean isUnbornHead(DbConnection c, String ref) throws SQLException {
        if (!"HEAD".equals(ref) && !"@".equals(ref)) {
            return false;
        }
        Head head = RefTable.head(c);
        return !head.isDetached() && RefTable.branch(c, head.branch()) == null;
    }

    /**
     * Describes {@code REF} (a commit and its tree) or {@code REF:TENSOR} (one tensor: id, dtype, shape,
     * bytes, storage and min/max/mean/std). The ref is everything before the first {@code ':'}.
     */
    public ShowResult show(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("show needs REF or REF:TENSOR");
        }
        int colon = spec.indexOf(':');
        String ref = colon < 0 ? spec : spec.substring(0, colon);
        CommitAndTree at = commitAndTree(ref);
        if (colon < 0) {
            List<TensorEntry> tree = at.tree().entries().entrySet().stream()
                    .map(e -> e.getValue().toResult(e.getKey())).toList();
            return new ShowResult(spec, at.commit(), tree, null);
        }
        String name = spec.substring(colon + 1);
        TreeEntry entry = requireEntry(at, ref, name);
        StoredTensorInfo info = stores.tensors.info(entry.id());
        Tensor tensor = readEntry(entry);
        TensorSummary summary = new TensorSummary(entry.toResult(name), info.storedSize(), info.codec(), info.base(),
                info.depth(), TensorStats.of(tensor));
        return new ShowResult(spec, at.commit(), List.of(), summary);
    }

    record CommitAndTree(CommitInfo commit, Tree tree) {
    }

    CommitAndTree commitAndTree(String ref) {
        return stores.read(c -> {
            CommitInfo commit = stores.commits.load(c, resolver.resolve(c, ref)).info();
            return new CommitAndTree(commit, stores.trees.load(c, commit.tree()));
        });
    }

    private static TreeEntry requireEntry(CommitAndTree at, String ref, String name) {
        TreeEntry entry = at.tree().get(name);
        if (entry == null) {
            throw new NotFoundException("commit " + at.commit().shortId() + " (" + ref + ") has no tensor named '"
                    + name + "'");
        }
        return entry;
    }

    /** Reads the tensor of {@code entry} from storage and checks it against the entry's dtype and shape. */
    Tensor readEntry(TreeEntry entry) {
        return checkLayout(entry, stores.tensors.read(entry.id()));
    }

    /** The tensor of {@code entry} through the shared cache. */
    Tensor cachedEntry(TreeEntry entry) {
        return checkLayout(entry, stores.cachedTensor(entry.id()));
    }

    private static Tensor checkLayout(TreeEntry entry, Tensor tensor) {
        if (!entry.sameLayout(tensor.dtype(), tensor.shape())) {
            throw new CorruptObjectException("object " + entry.id().hex() + " decodes to " + tensor.describe()
                    + " but the tree records " + entry + "; run `coral fsck`");
        }
        return tensor;
    }

    /**
     * Moves HEAD to a branch, or to a commit (detached HEAD) when {@code ref} is anything else. The
     * on-disk index is kept.
     */
    public CheckoutResult checkout(String ref) {
        return refs.checkout(ref);
    }

    /**
     * Creates branch {@code name} at {@code startRef}.
     *
     * @throws InvalidInputException when the name breaks git's ref-name rules or already exists
     */
    public BranchInfo createBranch(String name, String startRef) {
        return refs.createBranch(name, startRef);
    }

    /** Every branch, sorted by name. */
    public List<BranchInfo> branches() {
        return refs.branches();
    }

    /**
     * Deletes branch {@code name}; its commits stay reachable by id and from the reflog.
     *
     * @throws InvalidInputException when HEAD is on it
     */
    public BranchInfo deleteBranch(String name) {
        return refs.deleteBranch(name);
    }

    /**
     * Creates an annotated tag.
     *
     * @param ref     the commit to tag
     * @param message its message (may be empty)
     * @param metrics metrics such as {@code acc=0.93} (see {@link Metrics#parse})
     */
    public TagInfo createTag(String name, String ref, String message, Map<String, Double> metrics) {
        return refs.createTag(name, ref, message, metrics);
    }

    /** Every tag, sorted by name. */
    public List<TagInfo> tags() {
        return refs.tags();
    }

    /** Deletes tag {@code name}. */
    public TagInfo deleteTag(String name) {
        return refs.deleteTag(name);
    }

    /** {@code diff(ref, "HEAD")}: what changed from {@code ref} to HEAD. */
    public DiffResult diff(String ref) {
        return diff(ref, "HEAD");
    }

    /**
     * What changed from {@code from} to {@code to}: added, removed, modified (with L2, cosine, max |Δ| and
     * fraction of changed elements when dtype and shape are unchanged) and renamed-by-content tensors.
     */
    public DiffResult diff(String from, String to) {
        CommitAndTree a = commitAndTree(from);
        CommitAndTree b = commitAndTree(to);
        List<DiffEntry> entries = TreeDiff.diff(a.tree(), b.tree(), stores::cachedTensor);
        return new DiffResult(from, to, a.commit().id(), b.commit().id(), entries);
    }

    /** The movements of {@code ref} ({@code HEAD} or a branch name), newest first. */
    public ReflogResult reflog(String ref) {
        return refs.reflog(ref);
    }

    /**
     * Counts and sizes: commits, tensors, unique objects, logical and stored bytes, and the storage
     * breakdown (per codec, dedup hits, delta chain depths, logical-to-stored ratio).
     */
    public StatsResult stats() {
        return RepositoryStats.collect(stores);
    }

    /**
     * The figures of the one commit {@code ref} names: its tree's tensors and contents, how they are stored
     * and what they need on disk (see {@link StatsResult}). Nothing is decoded.
     */
    public StatsResult stats(String ref) {
        return stores.read(c -> new StorageFigures(stores).ofCommit(c, ref,
                stores.commits.load(c, resolver.resolve(c, ref)).info()));
    }

    /**
     * How tensor {@code tensorId} is stored (size, codec, delta base, chain depth), from the repository's
     * records: nothing is read or decoded, so it is cheap enough to call for every tensor of a history.
     *
     * <pre>{@code
     * for (TensorEntry e : repo.show("HEAD").tree()) {
     *     TensorStorage s = repo.storageOf(e.id());
     * }
     * }</pre>
     *
     * @throws NotFoundException when no tensor with that id is stored
     */
    public TensorStorage storageOf(ObjectId tensorId) {
        if (!stores.read(c -> stores.tensors.exists(c, tensorId))) {
            throw new NotFoundException("no tensor " + tensorId.hex() + " is stored in this repository");
        }
        StoredTensorInfo info = stores.tensors.info(tensorId);
        return new TensorStorage(info.id(), info.rawSize(), info.storedSize(), info.codec(), info.base(), info.depth());
    }

    /**
     * Re-encodes every stored tensor with the current settings ({@code codec.zstdLevel},
     * {@code codec.maxChainDepth}, {@code dedup.threshold}) and keeps each new form that is smaller or that
     * brings a chain within the depth limit; also indexes for similarity the tensors stored whole that are
     * not indexed yet. Tensor ids, trees and commits do not change. Safe to kill at any point: every tensor
     * stays readable (see {@code Repacker}).
     *
     * <pre>{@code
     * repo.config().set("codec.maxChainDepth", "4");
     * RepackResult r = repo.repack();
     * }</pre>
     */
    public RepackResult repack() {
        return new Repacker(stores, settings, writer.baseSelector()).run();
    }

    /**
     * Deletes the object files no stored tensor names that are older than {@code grace}: what a process killed
     * between writing a tensor's file and committing it (or before deleting the file it no longer needed)
     * leaves behind. Younger unreferenced files may belong to a commit in progress in
     * another process and are kept; a commit takes milliseconds to seconds, so the default
     * ({@link #GC_GRACE}) leaves a wide margin. Committed data is never touched.
     *
     * <pre>{@code
     * GcResult r = repo.gc(Repository.GC_GRACE);
     * }</pre>
     *
     * @throws InvalidInputException when {@code grace} is negative
     */
    public GcResult gc(Duration grace) {
        if (grace.isNegative()) {
            throw new InvalidInputException("gc: the grace period must not be negative, got " + grace);
        }
        return stores.tensors.deleteUnreferencedFiles(grace);
    }

    /**
     * Verifies every stored object (checksum, decoding and id) and every reference (branches, tags, HEAD,
     * commit parents, tree entries, delta bases, index entries).
     */
    public FsckResult fsck() {
        return new Fsck(stores).run();
    }

    /**
     * Reads tensor {@code tensorName} of commit {@code ref} from storage (never from the cache), verified.
     *
     * @throws NotFoundException       when the ref or the name does not exist
     * @throws CorruptObjectException  when the stored bytes fail verification
     */
    public Tensor read(String ref, String tensorName) {
        CommitAndTree at = commitAndTree(ref);
        return readEntry(requireEntry(at, ref, tensorName));
    }

    /** A lazy view of commit {@code ref}: names now, tensors on first access through a shared cache. */
    public ModelView at(String ref) {
        CommitAndTree at = commitAndTree(ref);
        return new ModelView(this, at.commit(), at.tree());
    }

    /** Hits, misses and size of the tensor cache shared by this repository's model views. */
    public CacheStats cacheStats() {
        return stores.tensorCache.stats();
    }

    /**
     * The commit {@code ref} names.
     *
     * @throws NotFoundException      when nothing matches
     * @throws InvalidInputException  when an abbreviated id matches several commits
     */
    public ObjectId resolve(String ref) {
        return stores.read(c -> resolver.resolve(c, ref));
    }

    /** The commit tip of the branch HEAD is on or the detached commit, and the branch (null when detached). */
    Head head() {
        return stores.read(RefTable::head);
    }

    /** The tip of {@code branch} (null when it has no commit), or of the detached HEAD when {@code branch} is null. */
    ObjectId tipOf(String branch) {
        return stores.read(c -> branch != null ? RefTable.branch(c, branch) : RefTable.headCommit(c));
    }

    /** Resolves each of {@code refs} to a commit id. */
    List<ObjectId> resolveAll(List<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return stores.read(c -> {
            List<ObjectId> out = new ArrayList<>();
            for (String r : refs) {
                out.add(resolver.resolve(c, r));
            }
            return out;
        });
    }

    /** The tree of {@code commit} (the empty tree for null). */
    Tree treeOf(ObjectId commit) {
        return stores.read(c -> stores.treeOf(c, commit));
    }

    /**
     * Waits for the write-ahead-log checkpoint in flight, if any, then closes the database connections.
     * Sessions and views of this repository stop working.
     */
    @Override
    public void close() {
        walBound.close();
        stores.db.close();
    }

    /** Waits until the housekeeping scheduled by the commits so far has finished (for tests). */
    void awaitHousekeeping() throws InterruptedException, ExecutionException {
        walBound.awaitIdle();
    }

    @Override
    public String toString() {
        return "Repository(" + stores.root + ")";
    }
}
