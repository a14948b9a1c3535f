package dev.coral.core.names;

import dev.coral.core.error.InvalidInputException;

/**
 * Validates tensor names. Names are data, never paths, but they are kept to what model files use
 * ({@code encoder.layers.0.attn/q_proj:0}) so that every export format can carry them.
 *
 * <pre>{@code
 * TensorNames.check("fc1.weight");   // ok
 * TensorNames.check("a/../b");       // InvalidInputException: tensor name 'a/../b' has a '.' or '..' path component
 * }</pre>
 */
public final class TensorNames {
    /** Longest tensor name accepted, in characters. */
    public static final int MAX_LENGTH = 1024;

    private TensorNames() {
    }

    /**
     * Like {@link #check(String)}, with {@code where} (the file or argument the name came from) before the
     * message: {@code check(n, "model.npz: entry 'x.npy'")}.
     *
     * @throws InvalidInputException {@code "<where>: <rule broken>"}
     */
    public static void check(String name, String where) {
        try {
            check(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }

    /** @throws InvalidInputException naming the rule {@code name} breaks */
    public static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("tensor name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException("tensor name '" + RefNames.printable(name) + "' is " + name.length()
                    + " characters long; the limit is " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException("tensor name '" + RefNames.printable(name)
                        + "' contains a control character (code " + (int) c + ")");
            }
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new InvalidInputException("tensor name '" + RefNames.printable(name) + "' has an empty path component");
        }
        for (String component : name.split("/")) {
            if (component.equals(".") || component.equals("..")) {
                throw new InvalidInputException("tensor name '" + RefNames.printable(name)
                        + "' has a '.' or '..' path component");
            }
        }
    }
}
