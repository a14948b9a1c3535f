package dev.coral.core.format;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.names.TensorNames;
import dev.coral.core.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes tensor files: {@code .npy}, {@code .npz}, {@code .safetensors} and HDF5
 * ({@code .h5}/{@code .hdf5}).
 *
 * <pre>{@code
 * TensorFile f = TensorFiles.read(Path.of("model.safetensors"));
 * TensorFiles.write(Path.of("out.npz"), f.tensors(), Map.of());
 * TensorFiles.write(Path.of("out.safetensors"), f.tensors(), Map.of("format", "pt"));
 * }</pre>
 *
 * <p><b>Reading</b> picks the format from the file's first bytes (HDF5 signature, numpy magic, zip
 * signature, or a safetensors header) and falls back to the extension. Every size the file states is
 * checked against the file before anything is allocated; a refusal is an {@link InvalidInputException}
 * naming the file, the tensor and the problem. Big-endian and Fortran-order arrays are converted
 * bit-exactly to little-endian C order. Large tensors (1 MiB or more) of uncompressed {@code .npy},
 * {@code .npz} and {@code .safetensors} files are memory-mapped: do not modify a file while tensors read
 * from it are in use. A {@code .npy} file holds one tensor, named after the file without its extension.
 * HDF5 datasets are named by their path ({@code dense/dense/kernel:0}); see {@code Hdf5Layout} for the
 * dtype attribute that carries float16, bfloat16 and bool.
 *
 * <p><b>Writing</b> picks the format from the extension and writes a temp file in the same directory,
 * forces it to disk and renames it over the target, so the target is either the old file or the
 * complete new one. {@code .npz} members are stored uncompressed. numpy has no bfloat16 and
 * {@code .npy}/{@code .npz} carry no metadata: writing either to them is refused. HDF5 stores metadata as
 * root string attributes and refuses zero-size tensors and a name that is a prefix group of another
 * ({@code a} and {@code a/b}). {@code .safetensors} round-trips every dtype, shape and the metadata
 * bit-exactly.
 */
public final class TensorFiles {
    private TensorFiles() {
    }

    /**
     * Reads every tensor of {@code file}, in file order, with the file's metadata.
     *
     * @throws NotFoundException     when the file does not exist
     * @throws InvalidInputException when the file is malformed, truncated or inconsistent
     */
    public static TensorFile read(Path file) {
        if (!Files.exists(file)) {
            throw new NotFoundException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            TensorFormat format = TensorFormat.sniff(channel);
            if (format == null) {
                format = TensorFormat.ofExtension(file);
            }
            return switch (format) {
                case NPY -> readNpy(file, channel);
                case NPZ -> NpzReader.read(file, channel);
                case SAFETENSORS -> SafetensorsReader.read(file, channel);
                case HDF5 -> Hdf5Reader.read(file);
            };
        } catch (IOException e) {
            throw new CoralException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static TensorFile readNpy(Path file, FileChannel channel) throws IOException {
        String name = npyTensorName(file);
        String where = file + ": tensor '" + name + "'";
        ByteBuffer array;
        try {
            array = FileRegions.read(channel, 0, channel.size());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
        return new TensorFile(Map.of(name, NpyReader.read(array, where)), Map.of());
    }

    private static String npyTensorName(Path file) {
        String fileName = String.valueOf(file.getFileName());
        String name = fileName.toLowerCase(Locale.ROOT).endsWith(TensorFormat.NPY.extension())
                ? fileName.substring(0, fileName.length() - TensorFormat.NPY.extension().length())
                : fileName;
        TensorNames.check(name, file + ": the file name does not make a valid tensor name");
        return name;
    }

    /** Writes {@code tensors} without metadata; see {@link #write(Path, Map, Map)}. */
    public static void write(Path file, Map<String, Tensor> tensors) {
        write(file, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} (in map order) and {@code metadata} to {@code file}, in the format its extension
     * names, atomically replacing any existing file.
     *
     * @throws InvalidInputException for an unknown extension, an invalid tensor name, a {@code .npy} target
     *                               with other than one tensor, metadata or bfloat16 for {@code .npy}/{@code .npz},
     *                               zero-size tensors or clashing names for HDF5; the target is then unchanged
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        TensorFormat format = TensorFormat.ofExtension(file);
        checkWritable(file, format, tensors, metadata);
        try {
            switch (format) {
                case NPY -> AtomicFileWriter.write(file, channel -> NpyWriter.write(channel,
                        tensors.values().iterator().next(), file + ": tensor '" + tensors.keySet().iterator().next() + "'"));
                case NPZ -> AtomicFileWriter.write(file, channel -> NpzWriter.write(file, channel, tensors));
                case SAFETENSORS -> AtomicFileWriter.write(file,
                        channel -> SafetensorsWriter.write(file, channel, tensors, metadata));
                case HDF5 -> AtomicFileWriter.writeVia(file, temp -> Hdf5Writer.write(temp, tensors, metadata));
            }
        } catch (IOException e) {
            throw new CoralException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void checkWritable(Path file, TensorFormat format, Map<String, Tensor> tensors,
                                      Map<String, String> metadata) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(file + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + ": is a directory");
        }
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new InvalidInputException(file + ": metadata '" + key + "' has no value");
            }
        });
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            TensorNames.check(e.getKey(), file.toString());
            if (e.getValue() == null) {
                throw new InvalidInputException(file + ": tensor '" + e.getKey() + "' is null");
            }
        }
        if (format == TensorFormat.NPY && tensors.size() != 1) {
            throw new InvalidInputException(file + ": a .npy file holds exactly one tensor, got " + tensors.size()
                    + "; use .npz or .safetensors");
        }
        if (format == TensorFormat.HDF5) {
            Hdf5Writer.check(file, tensors);
        }
        if ((format == TensorFormat.NPY || format == TensorFormat.NPZ) && !metadata.isEmpty()) {
            throw new InvalidInputException(file + ": " + format.extension() + " files cannot carry metadata "
                    + metadata.keySet() + "; use .safetensors or .h5");
        }
    }
}
