package dev.coral.core.format;

import dev.coral.core.error.CoralException;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.names.TensorNames;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Shape;
import dev.coral.core.tensor.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import io.jhdf.storage.HdfBackingStorage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every dataset of an HDF5 file as a tensor named by its path without the leading slash (Keras
 * weight files give {@code dense/dense/kernel:0}). Links are not followed, so no dataset is read twice.
 * Numeric datasets of the ten Coral dtypes are read bit-exactly (big-endian ones are byte-swapped); the
 * {@value Hdf5Layout#DTYPE_ATTRIBUTE} attribute restores float16, bfloat16 and bool stored as integers;
 * h5py's bool enum is read as bool. Any other dataset type is refused. Scalar string attributes of the
 * root group become the metadata; other attributes are not kept.
 */
final class Hdf5Reader {
    private Hdf5Reader() {
    }

    static TensorFile read(Path file) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (HdfFile hdf = new HdfFile(file)) {
            long end = checkNotTruncated(file, hdf);
            readMetadata(hdf, metadata);
            readGroup(file, hdf, end, tensors);
        } catch (HdfException e) {
            throw new InvalidInputException(file + ": not a readable HDF5 file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CoralException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new TensorFile(tensors, metadata);
    }

    /**
     * jHDF reads past the end of a truncated file without complaint, so the end-of-file address of the
     * superblock is checked against the real size, as libhdf5 does. Returns that end address.
     */
    private static long checkNotTruncated(Path file, HdfFile hdf) throws IOException {
        HdfBackingStorage storage = hdf.getHdfBackingStorage();
        long end = storage.getUserBlockSize() + storage.getSuperblock().getEndOfFileAddress();
        long size = Files.size(file);
        if (end > size) {
            throw new InvalidInputException(file + ": truncated: the HDF5 superblock says the file ends at byte " + end
                    + " but it is " + size + " bytes long");
        }
        return end;
    }

    private static void readMetadata(HdfFile hdf, Map<String, String> metadata) {
        for (Map.Entry<String, Attribute> e : hdf.getAttributes().entrySet()) {
            Attribute a = e.getValue();
            if (!e.getKey().equals(Hdf5Layout.JHDF_ATTRIBUTE) && a.isScalar() && a.getData() instanceof String s) {
                metadata.put(e.getKey(), s);
            }
        }
    }

    private static void readGroup(Path file, Group group, long end, Map<String, Tensor> tensors) {
        for (Node node : group) {
            if (node.isLink()) {
                continue;
            }
            if (node instanceof Group child) {
                readGroup(file, child, end, tensors);
            } else if (node instanceof Dataset dataset) {
                String name = dataset.getPath().substring(1);
                String where = file + ": dataset '" + name + "'";
                try {
                    TensorNames.check(name);
                    tensors.put(name, tensor(dataset, end));
                } catch (HdfException | InvalidInputException e) {
                    throw new InvalidInputException(where + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static Tensor tensor(Dataset dataset, long end) {
        DataType type = dataset.getDataType();
        DType dtype = dtype(type, dataset);
        long[] shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
        if (shape.length > NpyHeader.MAX_RANK) {
            throw new InvalidInputException("rank " + shape.length + " exceeds the limit of " + NpyHeader.MAX_RANK);
        }
        long bytes = Shape.byteSize(dtype, shape);
        if (bytes == 0) {
            return Tensor.wrap(dtype, shape, ByteBuffer.allocate(0));
        }
        if (dataset.isEmpty()) {
            throw new InvalidInputException("the dataset has no data written");
        }
        if (!(dataset instanceof DatasetBase base)) {
            throw new InvalidInputException("unsupported dataset layout " + dataset.getClass().getSimpleName());
        }
        if (dataset instanceof ContiguousDataset contiguous
                && contiguous.getDataAddress() + bytes > end - dataset.getHdfFile().getUserBlockSize()) {
            throw new InvalidInputException("the data at address " + contiguous.getDataAddress()
                    + " would end beyond the end of the file");
        }
        ByteBuffer raw = base.getDataBuffer().duplicate();
        if (raw.remaining() != bytes) {
            throw new InvalidInputException("" + dtype + Shape.format(shape) + " needs " + bytes
                    + " bytes but the dataset holds " + raw.remaining());
        }
        // Copied: the file's mapping must not outlive the HdfFile that owns it.
        ByteBuffer copy = ByteBuffer.allocate((int) bytes).put(raw).flip();
        boolean bigEndian = type instanceof OrderedDataType ordered && ordered.getByteOrder() == ByteOrder.BIG_ENDIAN;
        return Tensor.wrap(dtype, shape, bigEndian ? ElementLayout.swapBytes(copy, dtype.itemSize()) : copy);
    }

    private static DType dtype(DataType type, Dataset dataset) {
        DType stored = storedDtype(type);
        Attribute label = dataset.getAttribute(Hdf5Layout.DTYPE_ATTRIBUTE);
        if (label == null) {
            return stored;
        }
        if (!(label.getData() instanceof String text)) {
            throw new InvalidInputException("attribute " + Hdf5Layout.DTYPE_ATTRIBUTE + " is not a string");
        }
        DType labelled = DType.parse(text);
        if (labelled.itemSize() != stored.itemSize()) {
            throw new InvalidInputException("attribute " + Hdf5Layout.DTYPE_ATTRIBUTE + " says " + labelled
                    + " but the data is stored as " + stored + ", of another size");
        }
        return labelled;
    }

    private static DType storedDtype(DataType type) {
        int size = type.getSize();
        if (type instanceof FloatingPoint f) {
            if (size == 8) {
                return DType.FLOAT64;
            }
            if (size == 4) {
                return DType.FLOAT32;
            }
            if (size == 2) {
                return f.getExponentSize() == 8 ? DType.BFLOAT16 : DType.FLOAT16;
            }
        } else if (type instanceof FixedPoint f) {
            DType d = switch (size) {
                case 8 -> f.isSigned() ? DType.INT64 : null;
                case 4 -> f.isSigned() ? DType.INT32 : null;
                case 2 -> f.isSigned() ? DType.INT16 : null;
                case 1 -> f.isSigned() ? DType.INT8 : DType.UINT8;
                default -> null;
            };
            if (d != null) {
                return d;
            }
            throw new InvalidInputException("unsupported dtype: " + (f.isSigned() ? "" : "unsigned ")
                    + (size * 8) + "-bit integer");
        } else if (type instanceof BitField && size == 1) {
            return DType.BOOL;
        } else if (type instanceof EnumDataType e && size == 1
                && Map.of(0, "FALSE", 1, "TRUE").equals(e.getEnumMapping())) {
            return DType.BOOL;
        }
        throw new InvalidInputException("unsupported HDF5 type " + type.getClass().getSimpleName()
                + " of " + size + " bytes; only numeric and bool datasets can be read");
    }
}
