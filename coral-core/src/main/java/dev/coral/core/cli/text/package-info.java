/**
 * Plain-text formatting of result records for terminals and {@code text/plain}: aligned tables, binary
 * size units, short ids, and a git-style log graph. {@link dev.coral.core.cli.TextRenderer} is the entry
 * point; the classes here group the renderings by theme.
 */
package dev.coral.core.cli.text;
