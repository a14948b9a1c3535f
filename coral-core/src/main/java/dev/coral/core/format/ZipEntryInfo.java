package dev.coral.core.format;

/**
 * One member of a zip archive as its central directory describes it, after validation.
 *
 * @param name           the entry name
 * @param method         0 (stored) or 8 (deflated)
 * @param crc            CRC-32 of the uncompressed bytes
 * @param compressedSize bytes of (possibly compressed) data in the archive
 * @param size           bytes once uncompressed
 * @param dataOffset     offset of the first data byte in the archive file
 */
record ZipEntryInfo(String name, int method, long crc, long compressedSize, long size, long dataOffset) {
    static final int STORED = 0;
    static final int DEFLATED = 8;
}
