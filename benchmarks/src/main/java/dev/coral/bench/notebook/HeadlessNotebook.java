package dev.coral.bench.notebook;

import java.util.HashMap;
import java.util.Map;

import dev.coral.kernel.api.CellListener;
import dev.coral.kernel.api.CellMagic;
import dev.coral.kernel.api.Displayer;
import dev.coral.kernel.api.ExtensionRegistry;
import dev.coral.kernel.api.LineMagic;
import dev.coral.kernel.api.MagicArgs;
import dev.coral.kernel.api.MagicContext;
import dev.coral.kernel.api.Renderer;
import dev.coral.kernel.api.Rendering;
import dev.coral.kernel.api.StandaloneMagicContext;
import dev.coral.magics.CoralExtension;

/**
 * What a notebook cell does around {@code %coral}, without the kernel: the Coral extension registered as
 * a kernel would register it, its line magic run with a context that has no variables and discards
 * displays, and the result rendered by the renderer registered for its class (HTML and text, as the
 * kernel sends them). The kernel's own round trip is measured by {@code benchmarks/kernel}.
 */
final class HeadlessNotebook implements ExtensionRegistry, Displayer {
    private final Map<Class<?>, Renderer<?>> renderers = new HashMap<>();
    private final Map<String, LineMagic> lineMagics = new HashMap<>();
    private final MagicContext context = new StandaloneMagicContext(this);

    HeadlessNotebook() {
        new CoralExtension().register(this);
    }

    /** Runs {@code %NAME ARGS} and renders its value; returns the rendering. */
    Rendering cell(String magic, String args) throws Exception {
        Object value = lineMagics.get(magic).run(MagicArgs.parse(args), context);
        return render(value);
    }

    /** Renders {@code value} with the renderer registered for its class, or as text when there is none. */
    @SuppressWarnings("unchecked")
    <T> Rendering render(T value) throws Exception {
        if (value instanceof Rendering rendering) {
            return rendering;
        }
        Renderer<T> renderer = (Renderer<T>) renderers.get(value.getClass());
        // as the kernel does for a type without a renderer
        return renderer == null ? Rendering.text(String.valueOf(value)) : renderer.render(value);
    }

    @Override
    public <T> void addRenderer(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, renderer);
    }

    @Override
    public void addLineMagic(String name, LineMagic magic) {
        lineMagics.put(name, magic);
    }

    @Override
    public void addCellMagic(String name, CellMagic magic) {
    }

    @Override
    public void addCellListener(CellListener listener) {
    }

    @Override
    public String display(Object value) {
        return "headless";
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
    }
}
