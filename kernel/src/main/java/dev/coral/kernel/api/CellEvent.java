package dev.coral.kernel.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A cell seen by a {@link CellListener}.
 *
 * @param executionCount the cell's execution count, as shown in the notebook ({@code In [n]})
 * @param code the cell's source
 * @param failure what stopped the cell, if anything (always empty before the cell runs)
 */
public record CellEvent(int executionCount, String code, Optional<Throwable> failure) {

    public CellEvent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(failure, "failure");
    }
}
