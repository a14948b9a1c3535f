package dev.coral.magics.magic;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;

import dev.coral.kernel.CellResult;
import dev.coral.kernel.ErrorReport;
import dev.coral.kernel.KernelSession;
import dev.coral.kernel.display.RecordingOutputSink;
import dev.coral.kernel.display.RecordingOutputSink.Output;
import dev.coral.kernel.api.Rendering;

/**
 * A real in-process kernel session (JShell, the kernel's magic parser and renderer table, and every
 * extension on the class path — Coral's among them) that tests feed cells to, recording what each cell
 * sends to the notebook.
 */
final class NotebookCells implements AutoCloseable {

    /** What a cell showed: its outputs in order, and how it ended. */
    record Cell(List<Output> outputs, CellResult result) {

        /** The cell's value rendering; fails the test when the cell failed or had no value. */
        Rendering value() {
            CellResult.Success success = assertInstanceOf(CellResult.Success.class, result, () -> "cell failed: " + result);
            return success.value().orElseThrow(() -> new AssertionError("the cell has no value"));
        }

        /** The cell's error; fails the test when the cell succeeded. */
        ErrorReport error() {
            return assertInstanceOf(CellResult.Failure.class, result, () -> "cell did not fail: " + result).error();
        }
    }

    private final KernelSession session = KernelSession.start(List.of());
    private int count;

    Cell run(String code) {
        RecordingOutputSink recorder = new RecordingOutputSink();
        CellResult result = session.execute(code, ++count, recorder);
        return new Cell(recorder.outputs(), result);
    }

    /** Runs a cell that must succeed with a value, and returns the value's rendering. */
    Rendering value(String code) {
        return run(code).value();
    }

    /** Runs a cell that must succeed, with or without a value. */
    Optional<Rendering> ok(String code) {
        Cell cell = run(code);
        return assertInstanceOf(CellResult.Success.class, cell.result(), () -> "cell failed: " + cell.result()).value();
    }

    List<String> complete(String code) {
        return session.intelligence().complete(code, code.length()).matches();
    }

    @Override
    public void close() {
        session.close();
    }
}
