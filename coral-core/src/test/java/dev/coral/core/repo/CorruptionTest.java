package dev.coral.core.repo;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.FsckResult;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged storage is detected on read and by fsck, naming the object. */
class CorruptionTest {
    @TempDir
    Path dir;

    private ObjectId commitOne(String name, Tensor t) {
        try (Repository repo = Repository.init(dir)) {
            repo.commit(Map.of(name, t, "healthy", Tensor.of(new float[] {1, 2, 3})), "c");
            return repo.at("HEAD").entry(name).id();
        }
    }

    @Test
    void flippedByteInADatabaseBlobIsDetected() throws Exception {
        ObjectId id = commitOne("w", Tensor.randn(1, 50, 50));
        flipMiddleByte("tensors", id);
        assertDetected(id);
    }

    /** Flips one bit in the middle of the payload of row {@code id} of {@code table}, behind Coral's back. */
    private void flipMiddleByte(String table, ObjectId id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".coral/coral.db"))) {
            byte[] payload;
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM " + table + " WHERE id = ?")) {
                ps.setBytes(1, id.toBytes());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    payload = rs.getBytes(1);
                }
            }
            payload[payload.length / 2] ^= 0x01;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET payload = ? WHERE id = ?")) {
                ps.setBytes(1, payload);
                ps.setBytes(2, id.toBytes());
                assertEquals(1, ps.executeUpdate());
            }
        }
    }

    @Test
    void flippedByteInAnObjectFileIsDetected() throws Exception {
        ObjectId id = commitOne("big", Tensor.randn(2, 400, 400));
        List<Path> objectFiles;
        try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
            objectFiles = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, objectFiles.size(), "the tensor's object file is the only one");
        Path file = objectFiles.get(0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x40);
        }
        assertDetected(id);
    }

    @Test
    void truncatedObjectFileIsDetected() throws Exception {
        ObjectId id = commitOne("big", Tensor.randn(3, 400, 400));
        try (Stream<Path> files = Files.walk(dir.resolve(".coral/objects"))) {
            Path file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(raf.length() - 100);
            }
        }
        assertDetected(id);
    }

    @Test
    void damagedTreeIsReportedByFsck() throws Exception {
        ObjectId tree;
        try (Repository repo = Repository.init(dir)) {
            tree = repo.commit(Map.of("w", Tensor.randn(1, 5, 5)), "c").commit().tree();
        }
        flipMiddleByte("trees", tree);
        try (Repository repo = Repository.open(dir)) {
            CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> repo.read("HEAD", "w"));
            assertTrue(e.getMessage().contains("tree") && e.getMessage().contains("coral fsck"), e.getMessage());
            FsckResult fsck = repo.fsck();
            assertTrue(fsck.problems().stream().anyMatch(p -> p.message().contains("tree")), fsck.problems().toString());
        }
    }

    private void assertDetected(ObjectId id) {
        try (Repository repo = Repository.open(dir)) {
            CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> {
                for (String name : repo.at("HEAD").names()) {
                    repo.read("HEAD", name);
                }
            });
            assertTrue(e.getMessage().contains(id.hex()), e.getMessage());
            assertTrue(e.getMessage().contains("coral fsck"), e.getMessage());
            assertEquals(Tensor.of(new float[] {1, 2, 3}), repo.read("HEAD", "healthy"), "other objects still read");
            FsckResult fsck = repo.fsck();
            assertEquals(1, fsck.problems().size(), fsck.problems().toString());
            assertEquals(id.hex(), fsck.problems().get(0).object());
        }
    }
}
