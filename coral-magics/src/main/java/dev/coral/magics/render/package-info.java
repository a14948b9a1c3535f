/**
 * HTML and text views of what Coral verbs return. Each view is a {@link dev.coral.magics.render.RecordView}
 * (a kernel {@code Renderer}) producing {@code text/html} and {@code text/plain};
 * {@link dev.coral.magics.render.CoralRenderers#register} registers all of them.
 *
 * <p>Choices, written down:
 * <ul>
 *   <li><b>Escaping by construction.</b> User data (names, messages, authors, paths) becomes HTML only
 *       through {@link dev.coral.magics.render.Html#text}; table cells that are not {@code Html} are
 *       escaped. No script, no external resource (no CDN, no web font).</li>
 *   <li><b>One stylesheet</b> ({@code coral.css}), scoped to {@code div.coral} and repeated in each output
 *       so that saved notebooks and {@code nbconvert --to html} keep it. It uses inherited text colour and
 *       translucent greys, so it reads in light and dark Jupyter themes; accents are mid-tone colours that
 *       keep their contrast on both.</li>
 *   <li><b>Paging without JavaScript.</b> A long table shows its first rows; a {@code <details>} toggle
 *       reveals the rest through a CSS sibling rule, up to a cap of rows sent; rows beyond the cap are only
 *       counted ("… 1,234 more rows not shown").</li>
 *   <li><b>Text is the CLI's.</b> {@code text/plain} is {@code dev.coral.core.cli.TextRenderer}'s output,
 *       so a terminal, {@code nbconvert --to markdown} and the {@code coral} CLI read the same. Sizes,
 *       shapes and times use the CLI's formats in HTML too.</li>
 *   <li><b>Graphics inline:</b> the log graph and the tensor histogram are small inline SVGs, drawn with
 *       fixed row heights so the graph's rows join into lines.</li>
 * </ul>
 */
package dev.coral.magics.render;
