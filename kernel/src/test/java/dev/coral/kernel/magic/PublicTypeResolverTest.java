package dev.coral.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PublicTypeResolverTest {

    private final PublicTypeResolver resolver = new PublicTypeResolver(getClass().getClassLoader());

    private static final class Hidden implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void publicClassIsItsOwnType() {
        assertEquals("java.util.ArrayList", resolver.typeNameFor(new ArrayList<>()));
        assertEquals("java.lang.String", resolver.typeNameFor("s"));
        assertEquals("int[]", resolver.typeNameFor(new int[0]));
    }

    @Test
    void hiddenClassBecomesItsNearestPublicInterface() {
        assertEquals("java.util.List", resolver.typeNameFor(List.of(1, 2)));
        assertEquals("java.util.Map", resolver.typeNameFor(Map.of("a", 1)));
        assertEquals("java.lang.Runnable", resolver.typeNameFor(new Hidden()));
        Runnable lambda = () -> { };
        assertEquals("java.lang.Runnable", resolver.typeNameFor(lambda));
    }

    @Test
    void nullIsAnObject() {
        assertEquals("Object", resolver.typeNameFor(null));
    }
}
