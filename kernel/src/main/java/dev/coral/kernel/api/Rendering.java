package dev.coral.kernel.api;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable notebook representation of a value: one entry per MIME type. Returning a
 * {@code Rendering} from a cell, a magic or {@code display(...)} shows it as is.
 *
 * <pre>{@code
 * Rendering.html("<b>3</b> tensors").withText("3 tensors");
 * Rendering.png(pngBytes);                       // stored base64-encoded, as Jupyter expects
 * Rendering.markdown("# Report").withJson("{\"tensors\": 3}");
 * }</pre>
 */
public final class Rendering {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final String JSON = "application/json";

    private final Map<String, String> data;

    private Rendering(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(data);
    }

    /** A rendering with the single entry {@code mimeType → content} (binary content base64-encoded). */
    public static Rendering of(String mimeType, String content) {
        return new Rendering(Map.of()).with(mimeType, content);
    }

    public static Rendering text(String text) {
        return of(TEXT, text);
    }

    public static Rendering html(String html) {
        return of(HTML, html);
    }

    public static Rendering markdown(String markdown) {
        return of(MARKDOWN, markdown);
    }

    public static Rendering svg(String svg) {
        return of(SVG, svg);
    }

    /** A PNG image from the bytes of a PNG file. */
    public static Rendering png(byte[] png) {
        return of(PNG, Base64.getEncoder().encodeToString(png));
    }

    /** A JSON document, given as its text; the kernel checks that it parses. */
    public static Rendering json(String json) {
        return of(JSON, json);
    }

    /** A copy with {@code mimeType → content} added (replacing an entry of the same type). */
    public Rendering with(String mimeType, String content) {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, content);
        return new Rendering(copy);
    }

    public Rendering withText(String text) {
        return with(TEXT, text);
    }

    public Rendering withHtml(String html) {
        return with(HTML, html);
    }

    public Rendering withMarkdown(String markdown) {
        return with(MARKDOWN, markdown);
    }

    public Rendering withSvg(String svg) {
        return with(SVG, svg);
    }

    public Rendering withPng(byte[] png) {
        return with(PNG, Base64.getEncoder().encodeToString(png));
    }

    public Rendering withJson(String json) {
        return with(JSON, json);
    }

    /** MIME type → content, in insertion order; PNG content is base64. */
    public Map<String, String> data() {
        return data;
    }

    @Override
    public String toString() {
        return data.getOrDefault(TEXT, "Rendering" + data.keySet());
    }
}
