package dev.coral.kernel;

import java.util.Optional;

import dev.coral.kernel.api.Rendering;

/** How a cell ended: with an optional value to show, or with an error. */
public sealed interface CellResult permits CellResult.Success, CellResult.Failure {

    /** The cell ran; {@code value} is the rendering of its last expression, if it ended with one. */
    record Success(Optional<Rendering> value) implements CellResult {
    }

    /** The cell failed. */
    record Failure(ErrorReport error) implements CellResult {
    }
}
