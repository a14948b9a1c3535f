package dev.coral.core.store;

import dev.coral.core.codec.BaseCandidate;
import dev.coral.core.codec.BaseSource;
import dev.coral.core.codec.Codec;
import dev.coral.core.codec.CodecSettings;
import dev.coral.core.codec.EncodedTensor;
import dev.coral.core.codec.PayloadHeader;
import dev.coral.core.codec.TensorCodec;
import dev.coral.core.codec.UncheckedEncoding;
import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.meta.Database;
import dev.coral.core.meta.DbConnection;
import dev.coral.core.meta.Ids;
import dev.coral.core.result.GcResult;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32C;

/**
 * The tensor object store. A tensor is encoded with {@link TensorCodec}; a payload of at most
 * {@value #INLINE_LIMIT} bytes is kept as a BLOB in the {@code tensors} table and written in the commit's
 * own transaction (so a 100-tensor commit costs one fsync, not 100), a larger one goes to an object file
 * ({@link ObjectFiles}) before that transaction. Each row records the payload's CRC32C and every read checks
 * it, failing with {@link CorruptObjectException} naming the object; {@link #verify} also re-hashes the
 * decoded content against the id.
 */
public final class TensorStore {
    /** Largest encoded payload kept inside the database. */
    public static final int INLINE_LIMIT = 256 * 1024;

    private final Database db;
    private final ObjectFiles files;
    private volatile TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
    private volatile boolean fsync = true;

    public TensorStore(Database db, Path objectsDir) {
        this.db = db;
        this.files = new ObjectFiles(objectsDir);
    }

    /** Sets the encoder tuning and whether object files are fsynced before a commit records them. */
    public void configure(CodecSettings settings, boolean fsyncFiles) {
        this.codec = new TensorCodec(settings);
        this.fsync = fsyncFiles;
    }

    public boolean exists(DbConnection c, ObjectId id) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT 1 FROM tensors WHERE id = ?");
        Ids.bind(ps, 1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Encodes {@code tensor} (whose id is {@code id}) and, when the payload is large, writes its object
     * file. Nothing is recorded until {@link #insert} runs in a transaction.
     *
     * <p>For a large payload the codec's check that it decodes exactly, and then the payload's CRC32C, run on
     * the common pool while this thread writes and syncs the file, so their CPU work hides behind the disk's
     * latency; the prepared tensor is returned only once both are done, and if the check fails the file is
     * replaced by one holding the raw encoding.
     *
     * @param candidates delta bases the codec may use (same dtype and shape), best first
     */
    public PreparedTensor prepare(ObjectId id, Tensor tensor, List<BaseCandidate> candidates) {
        return prepare(tensor, candidates, Objects.requireNonNull(id, "id"));
    }

    /**
     * Like {@link #prepare(ObjectId, Tensor, List)} for a tensor not hashed yet: a large one is hashed on a
     * helper thread while its object file is written and synced, so the hashing hides behind the disk too.
     * The caller must still check whether the id is stored already (then the file is not needed:
     * {@link #deleteFile}).
     */
    public PreparedTensor prepareHashing(Tensor tensor, List<BaseCandidate> candidates) {
        return prepare(tensor, candidates, null);
    }

    private PreparedTensor prepare(Tensor tensor, List<BaseCandidate> candidates, ObjectId knownId) {
        UncheckedEncoding unchecked = codec.encodeUnchecked(tensor, candidates);
        if (unchecked.payload().remaining() <= INLINE_LIMIT) {
            ObjectId id = knownId != null ? knownId : TensorHasher.id(tensor);
            EncodedTensor encoded = unchecked.check();
            byte[] bytes = new byte[encoded.payload().remaining()];
            encoded.payload().duplicate().get(bytes);
            return new PreparedTensor(id, tensor.byteSize(), encoded, crc32c(encoded.payload()), bytes, null);
        }
        CompletableFuture<ObjectId> id = knownId != null ? CompletableFuture.completedFuture(knownId)
                : CompletableFuture.supplyAsync(() -> TensorHasher.sequentialId(tensor), ObjectFiles.BESIDE_WRITES);
        CompletableFuture<OptionalInt> checked = CompletableFuture.supplyAsync(
                () -> unchecked.decodesExactly() ? OptionalInt.of(crc32c(unchecked.payload())) : OptionalInt.empty());
        String file = files.write(unchecked.payload(), fsync);
        OptionalInt crc = joinOrDelete(checked, file);
        if (crc.isPresent()) {
            return new PreparedTensor(joinOrDelete(id, file), tensor.byteSize(), unchecked.encoded(), crc.getAsInt(), null, file);
        }
        files.delete(file);
        EncodedTensor raw = unchecked.raw();
        String rawFile = files.write(raw.payload(), fsync);
        return new PreparedTensor(joinOrDelete(id, rawFile), tensor.byteSize(), raw, crc32c(raw.payload()), null, rawFile);
    }

    /** The result of {@code work}, which ran beside the writing of {@code file}; if it failed, the file is deleted. */
    private <T> T joinOrDelete(CompletableFuture<T> work, String file) {
        try {
            return work.join();
        } catch (RuntimeException e) {
            files.delete(file);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Records {@code p} unless the tensor is stored already; true when this call stored it. */
    public boolean insert(DbConnection c, PreparedTensor p) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT OR IGNORE INTO tensors (id, raw_size, codec, base, depth, stored_size, "
                + "crc, payload, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Ids.bind(ps, 1, p.id());
        ps.setLong(2, p.rawSize());
        ps.setString(3, p.encoded().codec().name());
        Ids.bind(ps, 4, p.encoded().baseId());
        ps.setInt(5, p.encoded().depth());
        ps.setLong(6, p.storedSize());
        ps.setInt(7, p.crc());
        ps.setBytes(8, p.inline());
        ps.setString(9, p.file());
        return ps.executeUpdate() > 0;
    }

    /**
     * Replaces the stored encoding of {@code p.id()} with {@code p} (same content, so the id and every
     * reference stay valid), in the transaction running on {@code c}. The previous object file, if any, is
     * still on disk: delete it with {@link #deleteFile} once the transaction has committed.
     *
     * @return the previous object file (relative to {@code objects/}), or null when it was inline
     * @throws CorruptObjectException when the tensor is not stored
     */
    public String replace(DbConnection c, PreparedTensor p) throws SQLException {
        Row previous = row(c, p.id(), false);
        if (previous == null) {
            throw new CorruptObjectException("object " + p.id().hex() + " is missing from the repository; run `coral fsck`");
        }
        PreparedStatement ps = c.prepare("UPDATE tensors SET codec = ?, base = ?, depth = ?, stored_size = ?, crc = ?, "
                + "payload = ?, file = ? WHERE id = ?");
        ps.setString(1, p.encoded().codec().name());
        Ids.bind(ps, 2, p.encoded().baseId());
        ps.setInt(3, p.encoded().depth());
        ps.setLong(4, p.storedSize());
        ps.setInt(5, p.crc());
        ps.setBytes(6, p.inline());
        ps.setString(7, p.file());
        Ids.bind(ps, 8, p.id());
        ps.executeUpdate();
        return previous.file();
    }

    /**
     * Deletes the object files no row names (see {@link GcResult}) that were last written more than
     * {@code grace} ago; younger ones may belong to a commit in progress in any process and are kept. The rows
     * are read first, so a file recorded meanwhile is young and kept too.
     */
    public GcResult deleteUnreferencedFiles(Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        Set<String> named = db.read(c -> {
            Set<String> names = new HashSet<>();
            try (ResultSet rs = c.prepare("SELECT file FROM tensors WHERE file IS NOT NULL").executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        long removed = 0;
        long bytes = 0;
        long kept = 0;
        for (ObjectFiles.Entry f : files.list()) {
            if (named.contains(f.relative())) {
                continue;
            }
            if (f.modified().isBefore(cutoff)) {
                files.delete(f.relative());
                removed++;
                bytes += f.size();
            } else {
                kept++;
            }
        }
        return new GcResult(removed, bytes, kept, grace.toSeconds());
    }

    /** Deletes an object file no row names any more (after {@link #replace}, or of a prepared tensor never recorded). */
    public void deleteFile(String file) {
        files.delete(file);
    }

    /** Deletes the object file of {@code unused}, prepared but never recorded, if it has one. */
    public void discard(PreparedTensor unused) {
        if (unused.file() != null) {
            files.delete(unused.file());
        }
    }

    private record Row(StoredTensorInfo info, int crc, byte[] inline, String file) {
    }

    /** The row of {@code id}, or null; its inline payload only {@code withPayload} (else null). */
    private Row row(DbConnection c, ObjectId id, boolean withPayload) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT raw_size, codec, base, depth, stored_size, crc, "
                + (withPayload ? "payload" : "NULL") + ", file FROM tensors WHERE id = ?");
        Ids.bind(ps, 1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Codec codecUsed;
            try {
                codecUsed = Codec.valueOf(rs.getString(2));
            } catch (IllegalArgumentException e) {
                throw new CorruptObjectException("object " + id.hex() + " names an unknown codec '" + rs.getString(2)
                        + "'; run `coral fsck`");
            }
            String file = rs.getString(8);
            StoredTensorInfo info = new StoredTensorInfo(id, rs.getLong(1), codecUsed, Ids.get(rs, 3), rs.getInt(4),
                    rs.getLong(5), file != null);
            return new Row(info, rs.getInt(6), rs.getBytes(7), file);
        }
    }

    /**
     * How {@code id} is stored.
     *
     * @throws CorruptObjectException when it is not stored
     */
    public StoredTensorInfo info(ObjectId id) {
        return requireRow(id, false).info();
    }

    private Row requireRow(ObjectId id, boolean withPayload) {
        Row row = db.read(c -> row(c, id, withPayload));
        if (row == null) {
            throw new CorruptObjectException("object " + id.hex() + " is missing from the repository; run `coral fsck`");
        }
        return row;
    }

    /**
     * Reads and decodes {@code id}, checking the payload's CRC32C (and, through the codec, the chain of
     * delta bases, which are read the same way). A raw payload in an object file is not copied: the tensor
     * wraps the mapped file.
     *
     * @throws CorruptObjectException when it is missing or fails verification
     */
    public Tensor read(ObjectId id) {
        return read(id, this::read);
    }

    /** Like {@link #read(ObjectId)}, taking delta bases from {@code bases}. */
    public Tensor read(ObjectId id, BaseSource bases) {
        Row row = requireRow(id, true);
        ByteBuffer payload;
        try {
            payload = payloadOf(id, row);
        } catch (CorruptObjectException missing) {
            // a repack may have replaced the row, and deleted the file it named, since the row was read
            Row now = requireRow(id, true);
            if (Objects.equals(now.file(), row.file())) {
                throw missing;
            }
            row = now;
            payload = payloadOf(id, row);
        }
        if (payload.remaining() != row.info().storedSize()) {
            throw new CorruptObjectException("object " + id.hex() + " is corrupt: " + payload.remaining()
                    + " bytes stored, expected " + row.info().storedSize() + "; run `coral fsck`");
        }
        int actual = crc32c(payload);
        if (actual != row.crc()) {
            throw new CorruptObjectException("object " + id.hex() + " is corrupt: expected crc32c "
                    + Integer.toHexString(row.crc()) + ", got " + Integer.toHexString(actual) + "; run `coral fsck`");
        }
        Tensor tensor;
        try {
            tensor = row.file() != null && row.info().codec() == Codec.RAW
                    ? wrapRaw(payload)
                    : codec.decode(payload, bases);
        } catch (CorruptObjectException e) {
            throw new CorruptObjectException("object " + id.hex() + " cannot be decoded: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CorruptObjectException("object " + id.hex() + " cannot be decoded (" + e
                    + "); run `coral fsck`");
        }
        if (tensor.byteSize() != row.info().rawSize()) {
            throw new CorruptObjectException("object " + id.hex() + " decodes to " + tensor.byteSize()
                    + " bytes, expected " + row.info().rawSize() + "; run `coral fsck`");
        }
        return tensor;
    }

    private ByteBuffer payloadOf(ObjectId id, Row row) {
        return row.inline() != null ? ByteBuffer.wrap(row.inline()) : files.map(id, row.file(), row.info().storedSize());
    }

    /** The tensor of a raw payload, wrapping its bytes in place (the CRC32C of the whole payload was checked). */
    private static Tensor wrapRaw(ByteBuffer payload) {
        PayloadHeader header = TensorCodec.readHeader(payload);
        if (header.codec() != Codec.RAW || payload.remaining() != header.length() + header.byteSize()) {
            throw new CorruptObjectException("raw payload header disagrees with its size");
        }
        ByteBuffer body = payload.duplicate().position(header.length());
        return Tensor.wrap(header.dtype(), header.shape(), body);
    }

    /**
     * Reads {@code id} and re-hashes its content.
     *
     * @throws CorruptObjectException when it is missing, fails verification, or hashes to another id
     */
    public Tensor verify(ObjectId id) {
        Tensor tensor = read(id);
        ObjectId actual = TensorHasher.id(tensor);
        if (!actual.equals(id)) {
            throw new CorruptObjectException("object " + id.hex() + " is corrupt: expected sha256 " + id.hex()
                    + ", got " + actual.hex() + "; run `coral fsck`");
        }
        return tensor;
    }

    /** Every stored tensor's storage description. */
    public List<StoredTensorInfo> all(DbConnection c) throws SQLException {
        List<StoredTensorInfo> out = new ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT id, raw_size, codec, base, depth, stored_size, file IS NOT NULL FROM tensors")
                .executeQuery()) {
            while (rs.next()) {
                Codec codecUsed;
                try {
                    codecUsed = Codec.valueOf(rs.getString(3));
                } catch (IllegalArgumentException e) {
                    codecUsed = null;
                }
                out.add(new StoredTensorInfo(Ids.get(rs, 1), rs.getLong(2), codecUsed, Ids.get(rs, 4), rs.getInt(5),
                        rs.getLong(6), rs.getBoolean(7)));
            }
        }
        return out;
    }

    static int crc32c(ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue();
    }
}
