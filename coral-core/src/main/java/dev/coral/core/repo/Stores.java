package dev.coral.core.repo;

import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.Database;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.SqlWork;
import dev.coral.core.store.CommitStore;
import dev.coral.core.store.TensorStore;
import dev.coral.core.store.Tree;
import dev.coral.core.store.TreeStore;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Path;
import java.sql.SQLException;

/** The parts of an open repository that its commands share: the database, the object stores and caches. */
final class Stores {
    final Path root;
    final Database db;
    final TensorStore tensors;
    final TreeStore trees = new TreeStore();
    final CommitStore commits = new CommitStore();
    final TensorCache tensorCache = new TensorCache(TensorCache.DEFAULT_MAX_BYTES);

    Stores(Path root, Database db) {
        this.root = root;
        this.db = db;
        this.tensors = new TensorStore(db, root.resolve(Repository.DIR).resolve("objects"));
    }

    /** The tree of {@code commit}, or the empty tree when {@code commit} is null (a branch with no commit). */
    Tree treeOf(DbConnection c, ObjectId commit) throws SQLException {
        return commit == null ? Tree.EMPTY : trees.load(c, commits.load(c, commit).info().tree());
    }

    /** {@link Database#read} for work that reads only. */
    <T> T read(SqlWork<T> work) {
        return db.read(work);
    }

    /**
     * The tensor {@code id} through the shared cache; delta bases come through the cache too. (Not a
     * computing {@code get}: a load may need its base, and a Caffeine loader must not touch the cache.)
     */
    Tensor cachedTensor(ObjectId id) {
        Tensor cached = tensorCache.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        Tensor loaded = tensors.read(id, this::cachedTensor);
        tensorCache.put(id, loaded);
        return loaded;
    }
}
