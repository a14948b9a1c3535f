package dev.coral.core.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict recursive-descent parser for RFC 8259 JSON. Refuses everything the RFC does not allow
 * (comments, trailing commas, single quotes, leading zeros, NaN/Infinity literals, raw control chars,
 * unpaired surrogate escapes, trailing content) and also duplicate object keys, which the RFC leaves open.
 */
final class JsonParser {
    private final String text;
    private final JsonLimits limits;
    private int pos;

    private JsonParser(String text, JsonLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    static Object parse(String text, JsonLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new JsonParseException("input is " + text.length() + " chars long, the limit is " + limits.maxLength(),
                    0, 1, 1);
        }
        JsonParser parser = new JsonParser(text, limits);
        parser.skipWhitespace();
        Object value = parser.readValue(1);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeCurrent() + " after the top-level value");
        }
        return value;
    }

    private Object readValue(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject(depth);
            case '[' -> readArray(depth);
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected " + describeCurrent() + ", expected a value");
            }
        };
    }

    private Map<String, Object> readObject(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeCurrent() + ", expected a string key");
            }
            int keyStart = pos;
            String key = readString();
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, readValue(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("unexpected " + describeCurrent() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(readValue(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            } else {
                throw error("unexpected " + describeCurrent() + ", expected ',' or ']'");
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth() + " levels");
        }
    }

    private String readString() {
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String tail = text.substring(runStart, pos);
                pos++;
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("raw control char U+" + hex4(c) + " in a string (escape it)");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, runStart, pos);
                readEscape(out);
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) {
        int escapeStart = pos;
        pos++;
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> readUnicodeEscape(out, escapeStart);
            default -> {
                pos = escapeStart;
                throw error("invalid escape \\" + c);
            }
        }
    }

    private void readUnicodeEscape(StringBuilder out, int escapeStart) {
        char unit = readHex4();
        if (Character.isHighSurrogate(unit)) {
            if (text.startsWith("\\u", pos)) {
                pos += 2;
                char low = readHex4();
                if (Character.isLowSurrogate(low)) {
                    out.append(unit).append(low);
                    return;
                }
            }
            pos = escapeStart;
            throw error("high surrogate \\u" + hex4(unit) + " not followed by a low surrogate escape");
        }
        if (Character.isLowSurrogate(unit)) {
            pos = escapeStart;
            throw error("low surrogate \\u" + hex4(unit) + " without a preceding high surrogate");
        }
        out.append(unit);
    }

    private char readHex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw error("invalid hex digit " + describeCurrent() + " in a \\u escape");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("unexpected " + describeCurrent() + ", expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            requireDigit("after the decimal point");
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigit("in the exponent");
            skipDigits();
        }
        String literal = text.substring(start, pos);
        if (integral) {
            return integerValue(literal);
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("number " + abbreviate(literal) + " is outside the range of a double");
        }
        return value;
    }

    private static Object integerValue(String literal) {
        // 18 digits always fit a long; longer literals may not.
        if (literal.length() <= 18) {
            return Long.parseLong(literal);
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private void requireDigit(String where) {
        if (!isDigit(peek())) {
            throw error("unexpected " + describeCurrent() + ", expected a digit " + where);
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object readLiteral(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeCurrent() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describeCurrent() + ", expected '" + c + "'");
        }
        pos++;
    }

    /** The current char, or NUL at the end of input (NUL can never be valid where it is tested). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeCurrent() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        return c < 0x20 || c == 0x7f ? "char U+" + hex4(c) : "'" + c + "'";
    }

    private JsonParseException error(String problem) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonParseException(problem, pos, line, pos - lineStart + 1);
    }

    private static String hex4(char c) {
        return String.format("%04X", (int) c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
