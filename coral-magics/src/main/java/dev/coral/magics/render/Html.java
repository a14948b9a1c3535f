package dev.coral.magics.render;

import java.util.Objects;

/**
 * A fragment of HTML that is safe to insert as is. Text from users (tensor, branch and tag names,
 * messages, authors) only becomes HTML through {@link #text(String)}, which escapes it.
 *
 * <pre>{@code
 * Html name = Html.text("<b>fc1</b>");          // &lt;b&gt;fc1&lt;/b&gt;
 * Html cell = Html.tag("b", name);             // <b>&lt;b&gt;fc1&lt;/b&gt;</b>
 * }</pre>
 */
public final class Html {
    private static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Escapes {@code text} for an element body or a double-quoted attribute. Null becomes empty. */
    public static Html text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Html(escape(text));
    }

    /** Markup written by this module (never user data). */
    public static Html raw(String markup) {
        return new Html(Objects.requireNonNull(markup, "markup"));
    }

    /** {@code <name class="cssClass">content</name>}; a null or empty class is left out. */
    public static Html tag(String name, String cssClass, Html content) {
        String open = cssClass == null || cssClass.isEmpty() ? "<" + name + ">" : "<" + name + " class=\"" + cssClass + "\">";
        return new Html(open + content.markup + "</" + name + ">");
    }

    /** {@code <name>content</name>}. */
    public static Html tag(String name, Html content) {
        return tag(name, null, content);
    }

    /** {@code <span class="cssClass" title="title">content</span>}: a value with its exact form on hover. */
    public static Html titled(String cssClass, String title, Html content) {
        return new Html("<span class=\"" + cssClass + "\" title=\"" + escape(title) + "\">" + content.markup + "</span>");
    }

    /** The fragments one after the other. */
    public static Html concat(Html... parts) {
        StringBuilder sb = new StringBuilder();
        for (Html part : parts) {
            sb.append(part.markup);
        }
        return new Html(sb.toString());
    }

    /** The empty fragment. */
    public static Html empty() {
        return EMPTY;
    }

    /** Escapes the five characters that are special in HTML text and attributes. */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(text.charAt(i));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Html h && h.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
