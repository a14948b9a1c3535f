package dev.coral.kernel.magic;

/**
 * Turns {@code var d = %magic args} into Java once the magic has run: the value is held in
 * {@link MagicResults} and the statement becomes {@code var d = ((Type) MagicResults.take(n));} where
 * {@code Type} is the most specific type of the value that notebook code can name.
 */
public final class MagicAssignments {

    private final PublicTypeResolver types;

    public MagicAssignments(ClassLoader notebookLoader) {
        this.types = new PublicTypeResolver(notebookLoader);
    }

    /** The Java statement assigning {@code value}; {@code target} is the text before {@code =}, included. */
    public String assignment(String target, Object value) {
        long id = MagicResults.put(value);
        return target + " " + MagicResults.expression(id, types.typeNameFor(value)) + ";";
    }

    /** Forgets values whose assignment did not run (it failed to compile). */
    public void forgetUnassigned() {
        MagicResults.clear();
    }
}
