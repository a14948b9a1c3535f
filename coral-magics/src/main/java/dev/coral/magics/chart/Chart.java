package dev.coral.magics.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A rendered chart: PNG bytes with their size in pixels. In a notebook it shows as the image.
 *
 * <pre>{@code
 * Chart c = CoralCharts.storageGrowth(repo);
 * c.writeTo(Path.of("storage.png"));
 * c.width();   // 800
 * }</pre>
 */
public final class Chart {
    private final String title;
    private final byte[] png;
    private final int width;
    private final int height;

    Chart(String title, byte[] png, int width, int height) {
        this.title = Objects.requireNonNull(title, "title");
        this.png = png.clone();
        this.width = width;
        this.height = height;
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** The PNG file's bytes (a copy). */
    public byte[] png() {
        return png.clone();
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Writes the PNG to {@code file} (replacing it) and returns the path. */
    public Path writeTo(Path file) throws IOException {
        return Files.write(file, png);
    }

    @Override
    public String toString() {
        return "Chart(" + title + ", " + width + "×" + height + " PNG, " + png.length + " bytes)";
    }
}
