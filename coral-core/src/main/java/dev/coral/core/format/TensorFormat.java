package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The tensor file formats Coral reads and writes, recognised by file extension and by their first bytes.
 *
 * <pre>{@code
 * TensorFormat.ofExtension(Path.of("w.safetensors"));   // SAFETENSORS
 * }</pre>
 */
public enum TensorFormat {
    /** One numpy array; the tensor is named after the file ({@code w.npy} → {@code w}). */
    NPY(".npy"),
    /** A zip of numpy arrays, as {@code numpy.savez} writes it. */
    NPZ(".npz"),
    /** Hugging Face safetensors, with its {@code __metadata__} string map. */
    SAFETENSORS(".safetensors"),
    /** HDF5 (Keras-style weight files; snapshots h5py reads); tensor names are dataset paths. */
    HDF5(".h5", ".hdf5");

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final List<String> extensions;

    TensorFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The main extension, with its dot: {@code ".npz"}. */
    public String extension() {
        return extensions.get(0);
    }

    /** Every extension of the format, with dots. */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * The format named by the file's extension (case-insensitive).
     *
     * @throws InvalidInputException naming the supported extensions when there is none
     */
    public static TensorFormat ofExtension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (TensorFormat f : values()) {
            for (String extension : f.extensions) {
                if (name.endsWith(extension)) {
                    return f;
                }
            }
        }
        throw new InvalidInputException(file + ": unknown tensor file extension; supported are "
                + ".npy, .npz, .safetensors, .h5 and .hdf5");
    }

    /** The format the file's first bytes identify, or null when they identify none. */
    static TensorFormat sniff(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(9);
        int n;
        do {
            n = channel.read(head, head.position());
        } while (n >= 0 && head.hasRemaining());
        head.flip();
        if (startsWith(head, HDF5_SIGNATURE)) {
            return HDF5;
        }
        if (startsWith(head, NpyHeader.MAGIC)) {
            return NPY;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return NPZ;
        }
        if (head.remaining() == 9 && head.get(8) == '{') {
            return SAFETENSORS;
        }
        return null;
    }

    private static boolean startsWith(ByteBuffer head, byte[] magic) {
        if (head.remaining() < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head.get(i) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
