package dev.coral.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.coral.kernel.api.RecordingDisplayer.Shown;

/** A magic run directly, outside a notebook, with its displays recorded. */
class StandaloneMagicContextTest {

    @Test
    void aMagicsDisplaysAndUpdatesAreRecordedInOrder() throws Exception {
        LineMagic count = (args, context) -> {
            String id = context.display("0 of 2");
            context.updateDisplay(id, "1 of 2");
            context.updateDisplay(id, "2 of 2");
            return args.tokens().size();
        };
        RecordingDisplayer shown = new RecordingDisplayer();
        assertEquals(2, count.run(MagicArgs.parse("a b"), new StandaloneMagicContext(shown)));
        assertEquals(List.of(new Shown("display", "display-0", "0 of 2"), new Shown("update", "display-0", "1 of 2"),
                new Shown("update", "display-0", "2 of 2")), shown.shown());
        assertEquals("display-3", shown.display("again"), "ids count every call recorded");
        shown.clear();
        assertEquals(List.of(), shown.shown());
    }

    @Test
    void thereAreNoVariablesAndNoJava() {
        MagicContext context = new StandaloneMagicContext(new RecordingDisplayer());
        assertEquals(Optional.empty(), context.variable("model"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.evaluate("1 + 1"));
        assertTrue(e.getMessage().contains("1 + 1"), e.getMessage());
        assertEquals(System.out, context.out());
    }
}
