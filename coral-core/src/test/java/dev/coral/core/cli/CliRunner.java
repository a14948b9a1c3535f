package dev.coral.core.cli;

import dev.coral.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@link CoralCli} in this JVM with captured stdout and stderr. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one run printed and returned. */
    record Outcome(List<String> args, int exit, String out, String err) {

        /** Asserts success and returns stdout. */
        String ok() {
            assertEquals(0, exit, () -> "coral " + String.join(" ", args) + " failed: " + err);
            assertEquals("", err, "stderr of a successful command");
            return out;
        }

        /** Asserts success and parses stdout as JSON. */
        Object json() {
            return Json.parse(ok());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> jsonObject() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Object> jsonList() {
            return (List<Object>) json();
        }

        /** Asserts a user error: exit 1, nothing on stdout, one {@code coral: } line on stderr; returns that line. */
        String userError() {
            return failure(CoralCli.USER_ERROR);
        }

        /** Asserts an internal error (exit 2) reported the same way; returns the line. */
        String internalError() {
            return failure(CoralCli.INTERNAL_ERROR);
        }

        private String failure(int expected) {
            assertEquals(expected, exit, () -> "coral " + String.join(" ", args) + ": stdout " + out + " stderr " + err);
            assertEquals("", out, "stdout of a failed command");
            assertTrue(err.startsWith("coral: "), err);
            assertTrue(err.endsWith("\n"), err);
            assertFalse(err.strip().contains("\n"), "one line expected: " + err);
            assertFalse(err.contains("\tat "), "no stack trace expected: " + err);
            return err.strip();
        }
    }

    static Outcome run(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new CoralCli(o, e, Map.of()).run(workingDir, List.of(args));
        }
        return new Outcome(List.of(args), exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
