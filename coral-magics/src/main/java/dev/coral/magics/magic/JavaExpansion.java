package dev.coral.magics.magic;

/**
 * Replaces {@code {expression}} in a {@code %coral} line by the value of the Java expression, evaluated
 * in the notebook, before the line is split into words, so a line can use what cells computed:
 *
 * <pre>{@code
 * Path repoDir = Files.createTempDirectory("models");
 * %coral init {repoDir}
 * %coral tag {"epoch-" + epoch} -m "checkpoint after epoch {epoch}"
 * }</pre>
 *
 * A value stays one word (its blanks, quotes and backslashes are escaped for the splitter). {@code {{}
 * and {@code }}} stand for literal braces; text in single quotes is not expanded; an unmatched
 * {@code {} is left as written.
 */
final class JavaExpansion {

    /** Evaluates a Java expression in the notebook. */
    @FunctionalInterface
    interface Evaluator {
        Object evaluate(String expression) throws Exception;
    }

    private JavaExpansion() {
    }

    /** {@code line} with every {@code {expression}} replaced by its escaped value. */
    static String expand(String line, Evaluator evaluator) {
        if (line.indexOf('{') < 0 && line.indexOf('}') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        char quote = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote != '\'' && (c == '{' || c == '}') && i + 1 < line.length() && line.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
                continue;
            }
            int end = quote != '\'' && c == '{' ? closingBrace(line, i) : -1;
            if (end > 0) {
                out.append(escape(value(line.substring(i + 1, end), evaluator), quote == '"'));
                i = end + 1;
                continue;
            }
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The index of the brace closing the one at {@code open} (Java string and char literals skipped); -1 when none. */
    private static int closingBrace(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(line, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLiteral(String line, int start) {
        char delimiter = line.charAt(start);
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == delimiter) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String value, boolean inDoubleQuotes) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            boolean special = inDoubleQuotes ? c == '"' || c == '\\' : Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\';
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String value(String expression, Evaluator evaluator) {
        try {
            return String.valueOf(evaluator.evaluate(expression));
        } catch (Exception e) {
            throw new CoralMagicException("cannot evaluate {" + expression + "}: " + e.getMessage());
        }
    }
}
