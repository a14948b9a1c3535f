package dev.coral.core.format;

/** Constants of the safetensors layout shared by its reader and writer. */
final class SafetensorsFormat {
    /** Largest header accepted, as the reference implementation limits it. */
    static final long MAX_HEADER_LENGTH = 100_000_000;
    static final String METADATA_KEY = "__metadata__";
    static final String DTYPE = "dtype";
    static final String SHAPE = "shape";
    static final String DATA_OFFSETS = "data_offsets";
    /** The header is padded with spaces to a multiple of this, so that data starts aligned. */
    static final int ALIGNMENT = 8;

    private SafetensorsFormat() {
    }
}
