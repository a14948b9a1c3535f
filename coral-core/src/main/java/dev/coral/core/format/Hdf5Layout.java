package dev.coral.core.format;

import dev.coral.core.tensor.DType;

/**
 * How Coral lays tensors out in HDF5. Tensor names are dataset paths ({@code enc/layer/kernel:0} is dataset
 * {@code kernel:0} in group {@code /enc/layer}). Dtypes HDF5 (or jHDF) cannot write natively are stored as
 * integers of the same size with the real dtype in the {@value #DTYPE_ATTRIBUTE} attribute: float16 and
 * bfloat16 as int16 bit patterns, bool as uint8. File metadata are string attributes of the root group.
 */
final class Hdf5Layout {
    /** Dataset attribute naming the Coral dtype when the stored HDF5 type does not say it. */
    static final String DTYPE_ATTRIBUTE = "coral_dtype";
    /** Root attribute jHDF adds to every file it writes; not user metadata. */
    static final String JHDF_ATTRIBUTE = "_jHDF";

    private Hdf5Layout() {
    }

    /** True when {@code dtype} is stored as an integer type plus {@link #DTYPE_ATTRIBUTE}. */
    static boolean needsDtypeAttribute(DType dtype) {
        return dtype == DType.FLOAT16 || dtype == DType.BFLOAT16 || dtype == DType.BOOL;
    }
}
