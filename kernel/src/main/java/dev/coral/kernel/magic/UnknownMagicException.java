package dev.coral.kernel.magic;

/** A cell names a magic that no extension registered. */
public final class UnknownMagicException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownMagicException(String kind, String name) {
        super("unknown " + kind + " magic " + name + "; %lsmagic lists the magics this kernel has");
    }
}
