package dev.coral.core.error;

/** A stored object failed verification: its bytes do not match its id or checksum. */
public class CorruptObjectException extends CoralException {
    private static final long serialVersionUID = 1L;

    public CorruptObjectException(String message) {
        super(message);
    }
}
