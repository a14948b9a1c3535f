package dev.coral.core.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literals a {@code .npy} header uses: dicts, tuples, lists, quoted
 * strings, integers (with Python 2's optional {@code L}), {@code True}, {@code False}, {@code None}.
 * Nothing is evaluated. Failures are {@link IllegalArgumentException}s naming the offset; the caller
 * adds the file.
 */
final class PythonLiteral {
    private static final int MAX_DEPTH = 8;

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses {@code text} as one literal, allowing surrounding whitespace. */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value(int depth) {
        skipSpace();
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        char c = peek();
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(')', depth);
            case '[':
                return sequence(']', depth);
            case '\'':
            case '"':
                return string(c);
            default:
                break;
        }
        if (c == '-' || Character.isDigit(c)) {
            return integer();
        }
        for (String word : new String[] {"True", "False", "None"}) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
            }
        }
        throw error("unexpected " + describe() + ", expected a literal");
    }

    private Map<Object, Object> dict(int depth) {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            int keyAt = pos;
            Object key = value(depth + 1);
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key " + key);
            }
            map.put(key, v);
            if (!separator('}')) {
                return map;
            }
        }
    }

    private List<Object> sequence(char close, int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value(depth + 1));
            if (!separator(close)) {
                return items;
            }
        }
    }

    /** After an element: consumes ',' (true: more may follow) or the closing bracket (false). */
    private boolean separator(char close) {
        skipSpace();
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("unexpected " + describe() + ", expected ',' or '" + close + "'");
    }

    private String string(char quote) {
        pos++;
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            if (text.charAt(pos) == '\\' || text.charAt(pos) == '\n') {
                throw error("escapes and line breaks are not supported in header strings");
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        return text.substring(start, pos++);
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (Character.isDigit(peek())) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (peek() == 'L') {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("integer " + (digits.length() > 30 ? digits.substring(0, 30) + "..." : digits)
                    + " is not a valid 64-bit integer");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describe() + ", expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private String describe() {
        return pos >= text.length() ? "end of header" : "'" + text.charAt(pos) + "'";
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + pos);
    }
}
