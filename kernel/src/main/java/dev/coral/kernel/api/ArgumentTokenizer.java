package dev.coral.kernel.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into words the way a POSIX shell does, without expansions:
 * whitespace separates words; {@code "..."} groups with {@code \"} and {@code \\} escapes;
 * {@code '...'} groups literally; a backslash outside quotes escapes the next character; quoted and
 * unquoted parts next to each other form one word ({@code --message="a b"} is one word).
 */
final class ArgumentTokenizer {

    private ArgumentTokenizer() {
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '"') {
                i = readDoubleQuoted(text, i + 1, word);
                inWord = true;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new MagicArgsException("unclosed ' quote in magic arguments: " + text);
                }
                word.append(text, i + 1, end);
                i = end + 1;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                i += 2;
                inWord = true;
            } else {
                word.append(c);
                i++;
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the quoted text starting at {@code from} to {@code word}; returns the index after the closing quote. */
    private static int readDoubleQuoted(String text, int from, StringBuilder word) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new MagicArgsException("unclosed \" quote in magic arguments: " + text);
    }
}
