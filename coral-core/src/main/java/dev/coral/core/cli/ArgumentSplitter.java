package dev.coral.core.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line typed as one string ({@code %coral commit -m "first try"}) into arguments the
 * way a POSIX shell does for plain words: whitespace separates; 'single quotes' keep everything
 * literally; "double quotes" keep whitespace and honour backslash before {@code " \ $ `}; a backslash
 * outside quotes escapes the next character. No variables, globs or substitutions.
 *
 * <pre>{@code
 * ArgumentSplitter.split("commit -m \"first try\" --metric acc=0.9");   // [commit, -m, first try, --metric, acc=0.9]
 * }</pre>
 */
public final class ArgumentSplitter {
    private ArgumentSplitter() {
    }

    /** @throws UsageException when a quote is not closed or the line ends in a lone backslash */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new UsageException("unclosed ' in: " + line);
                }
                current.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, current);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new UsageException("the line ends with a lone \\: " + line);
                }
                current.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                current.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }

    /** Appends the double-quoted text starting at {@code i} and returns the index after the closing quote. */
    private static int readDoubleQuoted(String line, int i, StringBuilder out) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                out.append(line.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        throw new UsageException("unclosed \" in: " + line);
    }
}
