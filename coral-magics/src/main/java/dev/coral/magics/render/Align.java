package dev.coral.magics.render;

/** Horizontal alignment of a table column: numbers right, words left. */
public enum Align {
    LEFT(""),
    RIGHT("coral-r"),
    CENTER("coral-c");

    private final String cssClass;

    Align(String cssClass) {
        this.cssClass = cssClass;
    }

    String cssClass() {
        return cssClass;
    }
}
