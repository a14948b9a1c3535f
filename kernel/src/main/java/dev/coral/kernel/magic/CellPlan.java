package dev.coral.kernel.magic;

import java.util.List;

/**
 * What a cell asks for: either one cell magic, or a sequence of Java code and line magics run in
 * order.
 */
public sealed interface CellPlan permits CellPlan.CellMagicCall, CellPlan.Steps {

    /** A cell whose first line is {@code %%name args}. */
    record CellMagicCall(String name, String args, String body) implements CellPlan {
    }

    /** Java code and line magics, in source order. */
    record Steps(List<Step> steps) implements CellPlan {
    }

    /** One part of a {@link Steps} cell. */
    sealed interface Step permits JavaCode, LineMagicCall {
    }

    /** Java source; {@code offset} is where it starts in the cell. */
    record JavaCode(String code, int offset) implements Step {
    }

    /**
     * A line magic. {@code assignment} is the Java text before it ({@code "var d ="}) when the magic is
     * the right-hand side of an assignment, or empty; {@code offset} is where the line starts.
     */
    record LineMagicCall(String name, String args, String assignment, int offset) implements Step {
        public boolean isAssigned() {
            return !assignment.isEmpty();
        }
    }
}
