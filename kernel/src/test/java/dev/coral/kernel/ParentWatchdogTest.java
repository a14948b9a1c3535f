package dev.coral.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

    @Test
    void firesWhenTheParentExits() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        CountDownLatch fired = new CountDownLatch(1);
        ParentWatchdog.watch(Long.toString(parent.pid()), fired::countDown);
        parent.destroyForcibly().waitFor();
        assertTrue(fired.await(20, TimeUnit.SECONDS));
    }

    @Test
    void firesAtOnceWhenTheParentIsAlreadyGone() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        CountDownLatch fired = new CountDownLatch(1);
        ParentWatchdog.watch(Long.toString(parent.pid()), fired::countDown);
        assertTrue(fired.await(5, TimeUnit.SECONDS));
    }

    @Test
    void rejectsAPidThatIsNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> ParentWatchdog.watch("abc", () -> { }));
    }
}
