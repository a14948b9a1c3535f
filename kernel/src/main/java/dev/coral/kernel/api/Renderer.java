package dev.coral.kernel.api;

/**
 * Turns a value into its notebook representation.
 *
 * <pre>{@code
 * Renderer<Chart> png = chart -> Rendering.png(chart.toPngBytes()).withText(chart.title());
 * }</pre>
 *
 * @param <T> the type of the values rendered
 */
@FunctionalInterface
public interface Renderer<T> {

    /**
     * Returns the representation of {@code value}. If it has no {@code text/plain} part, the kernel adds
     * {@code String.valueOf(value)}. An exception is reported to the user in place of the output.
     */
    Rendering render(T value) throws Exception;
}
