package dev.coral.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the magics in a cell.
 *
 * <ul>
 *   <li>A cell magic is a first line {@code %%name args}; the rest of the cell, possibly empty, is its body.</li>
 *   <li>A line magic is a line {@code %name args}, or an assignment {@code type var = %name args}, that
 *       starts a statement: the Java before it ends with {@code ;} or {@code }} (so {@code 10} on one
 *       line and {@code %n} on the next stay the expression {@code 10 % n}).</li>
 * </ul>
 * A trailing {@code ;} after a line magic's arguments is dropped.
 */
public final class CellParser {

    private static final String NAME = "([A-Za-z][\\w.-]*)";
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%" + NAME + "(?:[ \\t]+(.*))?$");
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%" + NAME + "(?:[ \\t]+(.*))?$");
    private static final Pattern ASSIGNED_MAGIC = Pattern.compile(
            "^(\\s*(?:final\\s+)?(?:[\\w.$]+(?:<[^=]*>)?(?:\\[\\])*\\s+)?[\\w$]+\\s*=)\\s*%" + NAME + "(?:[ \\t]+(.*))?$");

    private final Predicate<String> isLineMagic;
    private final Predicate<String> isCellMagic;
    private final Predicate<String> endsAtStatementBoundary;

    /**
     * @param isLineMagic whether a line magic of that name is registered
     * @param isCellMagic whether a cell magic of that name is registered
     * @param endsAtStatementBoundary whether Java source ends where a new statement may start
     */
    public CellParser(Predicate<String> isLineMagic, Predicate<String> isCellMagic,
            Predicate<String> endsAtStatementBoundary) {
        this.isLineMagic = isLineMagic;
        this.isCellMagic = isCellMagic;
        this.endsAtStatementBoundary = endsAtStatementBoundary;
    }

    public CellPlan parse(String cell) throws UnknownMagicException {
        String firstLine = cell.strip().lines().findFirst().orElse("");
        Matcher cellMagic = CELL_MAGIC.matcher(firstLine);
        if (cellMagic.matches()) {
            String name = cellMagic.group(1);
            if (!isCellMagic.test(name)) {
                throw new UnknownMagicException("cell", "%%" + name);
            }
            int firstLineEnd = cell.indexOf('\n', cell.indexOf("%%"));
            String body = firstLineEnd < 0 ? "" : cell.substring(firstLineEnd + 1);
            return new CellPlan.CellMagicCall(name, argsOf(cellMagic.group(2)), body);
        }
        return new CellPlan.Steps(steps(cell));
    }

    private List<CellPlan.Step> steps(String cell) throws UnknownMagicException {
        List<CellPlan.Step> steps = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        int lineStart = 0;
        while (lineStart <= cell.length()) {
            int newline = cell.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? cell.length() : newline;
            String line = cell.substring(lineStart, lineEnd);
            CellPlan.LineMagicCall magic = lineMagic(line, lineStart, java);
            if (magic != null) {
                addJava(steps, java, javaStart);
                steps.add(magic);
                java.setLength(0);
                javaStart = lineEnd + 1;
            } else {
                java.append(line);
                if (newline >= 0) {
                    java.append('\n');
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        addJava(steps, java, javaStart);
        return steps;
    }

    private CellPlan.LineMagicCall lineMagic(String line, int offset, CharSequence javaBefore)
            throws UnknownMagicException {
        Matcher plain = LINE_MAGIC.matcher(line);
        Matcher assigned = ASSIGNED_MAGIC.matcher(line);
        boolean isPlain = plain.matches();
        if (!isPlain && !assigned.matches()) {
            return null;
        }
        if (!endsAtStatementBoundary.test(javaBefore.toString())) {
            return null;
        }
        String name = isPlain ? plain.group(1) : assigned.group(2);
        if (!isLineMagic.test(name)) {
            throw new UnknownMagicException("line", "%" + name);
        }
        return isPlain
                ? new CellPlan.LineMagicCall(name, argsOf(plain.group(2)), "", offset)
                : new CellPlan.LineMagicCall(name, argsOf(assigned.group(3)), assigned.group(1).strip(), offset);
    }

    private static void addJava(List<CellPlan.Step> steps, CharSequence java, int start) {
        if (!java.toString().isBlank()) {
            steps.add(new CellPlan.JavaCode(java.toString(), start));
        }
    }

    private static String argsOf(String text) {
        String args = text == null ? "" : text.strip();
        return args.endsWith(";") ? args.substring(0, args.length() - 1).strip() : args;
    }
}
