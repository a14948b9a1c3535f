package dev.coral.core.format;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes tensors as an HDF5 file h5py reads, laid out as {@link Hdf5Layout} describes. jHDF writes whole
 * files only, so the caller hands it a fresh temp file. Zero-size tensors are refused: jHDF cannot write
 * empty datasets.
 */
final class Hdf5Writer {
    private static final DatasetCreationOptions UNSIGNED = DatasetCreationOptions.builder().unsigned().build();

    private Hdf5Writer() {
    }

    /** Checks that every tensor can be stored, before any file is created. */
    static void check(Path file, Map<String, Tensor> tensors) {
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (e.getValue().numel() == 0) {
                throw new InvalidInputException(file + ": tensor '" + name + "' has zero elements, which HDF5 export "
                        + "cannot store (jHDF writes no empty datasets); use .safetensors or .npz");
            }
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                if (tensors.containsKey(name.substring(0, slash))) {
                    throw conflict(file, name.substring(0, slash), name);
                }
            }
        }
    }

    private static InvalidInputException conflict(Path file, String dataset, String nested) {
        return new InvalidInputException(file + ": tensors '" + dataset + "' and '" + nested
                + "' cannot both be stored in HDF5: '" + dataset + "' would be both a dataset and a group");
    }

    static void write(Path temp, Map<String, Tensor> tensors, Map<String, String> metadata) {
        try (WritableHdfFile hdf = HdfFile.write(temp)) {
            metadata.forEach(hdf::putAttribute);
            Map<String, WritableGroup> groups = new HashMap<>();
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                String name = e.getKey();
                int slash = name.lastIndexOf('/');
                WritableGroup parent = slash < 0 ? hdf : group(hdf, groups, name.substring(0, slash));
                put(parent, name.substring(slash + 1), e.getValue());
            }
        }
    }

    private static WritableGroup group(WritableHdfFile hdf, Map<String, WritableGroup> groups, String path) {
        WritableGroup existing = groups.get(path);
        if (existing != null) {
            return existing;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? hdf : group(hdf, groups, path.substring(0, slash));
        WritableGroup created = parent.putGroup(path.substring(slash + 1));
        groups.put(path, created);
        return created;
    }

    private static void put(WritableGroup parent, String name, Tensor tensor) {
        DType dtype = tensor.dtype();
        Object data = JavaArrays.of(tensor);
        WritableDataset dataset = dtype == DType.UINT8 || dtype == DType.BOOL
                ? parent.putDataset(name, data, UNSIGNED)
                : parent.putDataset(name, data);
        if (Hdf5Layout.needsDtypeAttribute(dtype)) {
            dataset.putAttribute(Hdf5Layout.DTYPE_ATTRIBUTE, dtype.label());
        }
    }
}
