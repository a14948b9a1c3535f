package dev.coral.magics.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one stylesheet of every Coral HTML output ({@code coral.css} beside this class). It styles only
 * elements inside {@code <div class="coral">}, uses translucent greys and inherited text colour so it
 * reads in light and dark Jupyter themes, and references no external resource.
 */
public final class Stylesheet {
    private static final String CSS = load();

    private Stylesheet() {
    }

    /** The CSS text. */
    public static String css() {
        return CSS;
    }

    /** {@code body} inside {@code <div class="coral">} with the stylesheet, ready to be a {@code text/html} output. */
    public static String page(Html body) {
        return "<style>" + CSS + "</style><div class=\"coral\">" + body + "</div>";
    }

    private static String load() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("coral.css")) {
            if (in == null) {
                throw new IllegalStateException("coral.css is missing from the coral-magics jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read coral.css from the coral-magics jar", e);
        }
    }
}
