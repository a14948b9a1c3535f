package dev.coral.magics.render;

import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;

/**
 * How one kind of value looks in a notebook: an HTML body and a plain-text form. As a
 * {@link Renderer} it produces both MIME types, the HTML wrapped with the {@link Stylesheet}.
 *
 * <pre>{@code
 * Rendering r = new DiffView().render(repo.diff("HEAD~1", "HEAD"));
 * r.data().get(Rendering.HTML);   // the styled table
 * r.data().get(Rendering.TEXT);   // the terminal form
 * }</pre>
 *
 * @param <T> the type of value shown
 */
public interface RecordView<T> extends Renderer<T> {
    /** The HTML body, without the stylesheet (views compose each other's bodies). */
    Html html(T value);

    /** The plain-text form. */
    String text(T value);

    /** Both forms, the HTML with the stylesheet. */
    @Override
    default Rendering render(T value) {
        return Rendering.html(Stylesheet.page(html(value))).withText(text(value));
    }
}
