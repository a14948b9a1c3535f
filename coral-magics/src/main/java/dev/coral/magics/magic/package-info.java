/**
 * The {@code %coral} line magic and {@code %%coral} cell magic ({@link dev.coral.magics.magic.CoralMagic}).
 *
 * <p>Choices made here:
 * <ul>
 *   <li><b>One grammar.</b> Every verb is parsed and run by the CLI's {@code CoralCommands}; this package
 *       adds only what a notebook needs around it: the notebook's repository kept open between cells
 *       (found by walking up from the kernel's working directory, which Jupyter sets to the notebook's
 *       directory, until {@code %coral open} or {@code %coral init} chooses one), Java variables as
 *       {@code add} arguments (variables first, then files), and two notebook verbs, {@code open} (which
 *       answers with the lazy {@code Coral} façade) and {@code cache}.</li>
 *   <li><b>Values, not printouts.</b> A command answers with its result record; the renderers of
 *       {@code dev.coral.magics.render} draw it, and {@code var d = %coral diff a b} keeps it.
 *       {@code --json} answers with the CLI's JSON document instead.</li>
 *   <li><b>{@code {expression}}</b> in a line is evaluated as Java in the notebook before the line is
 *       split, so paths and names computed in cells can be used; the value stays one word.</li>
 *   <li><b>Progress only for long commands.</b> A bar appears once a command has run 1.5 s; quick
 *       commands, the vast majority, leave no output but their result.</li>
 *   <li><b>Mistakes are one line.</b> Any {@code CoralException} (bad arguments, unknown refs, a variable
 *       holding no tensors, a corrupt object) ends the cell with its message only; other exceptions are
 *       bugs and keep their stack trace.</li>
 *   <li><b>One cache per notebook.</b> Every repository opened through the magic shares one byte-bounded
 *       tensor cache (ids are content hashes, so entries are valid in any repository), which is what
 *       {@code %coral cache} shows and bounds.</li>
 * </ul>
 */
package dev.coral.magics.magic;
