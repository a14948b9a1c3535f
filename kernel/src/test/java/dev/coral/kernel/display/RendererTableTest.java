package dev.coral.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.Rendering;

class RendererTableTest {

    interface Shape {
    }

    static class Circle implements Shape {
        @Override
        public String toString() {
            return "circle";
        }
    }

    static final class Ring extends Circle {
    }

    private final RendererTable table = new RendererTable();

    @Test
    void everyMimeTypeOfTheApiReachesTheRendering() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        table.add(Circle.class, c -> Rendering.html("<i>c</i>").withMarkdown("*c*").withSvg("<svg/>")
                .withPng(png).withJson("{\"r\": 1}"));
        Map<String, String> data = table.render(new Circle()).data();
        assertEquals("<i>c</i>", data.get(Rendering.HTML));
        assertEquals("*c*", data.get(Rendering.MARKDOWN));
        assertEquals("<svg/>", data.get(Rendering.SVG));
        assertEquals(Base64.getEncoder().encodeToString(png), data.get(Rendering.PNG));
        assertEquals("{\"r\": 1}", data.get(Rendering.JSON));
        assertEquals("circle", data.get(Rendering.TEXT));
    }

    @Test
    void nearestRegisteredTypeWins() throws Exception {
        table.add(Shape.class, s -> Rendering.html("shape"));
        assertEquals("shape", table.render(new Ring()).data().get(Rendering.HTML));
        table.add(Circle.class, c -> Rendering.html("circle"));
        assertEquals("circle", table.render(new Ring()).data().get(Rendering.HTML));
    }

    @Test
    void unregisteredValuesArePlainText() throws Exception {
        assertEquals(Map.of(Rendering.TEXT, "[1, [2, 3]]"), table.render(new Object[] {1, new int[] {2, 3}}).data());
        assertEquals(Map.of(Rendering.TEXT, "null"), table.render(null).data());
    }

    @Test
    void failingRendererIsNamed() {
        table.add(Circle.class, c -> {
            throw new IllegalStateException("broken");
        });
        RenderingException e = assertThrows(RenderingException.class, () -> table.render(new Circle()));
        assertEquals("the renderer of dev.coral.kernel.display.RendererTableTest$Circle failed: "
                + "java.lang.IllegalStateException: broken", e.getMessage());
    }
}
