package dev.coral.core.names;

import dev.coral.core.error.InvalidInputException;

/**
 * Validates branch and tag names with git's check-ref-format rules, so that every name Coral accepts
 * is one git would accept too.
 *
 * <pre>{@code
 * RefNames.check("exp/lr-3e-4", "branch");   // ok
 * RefNames.check("a..b", "branch");          // InvalidInputException: branch name 'a..b' contains '..'
 * }</pre>
 */
public final class RefNames {
    /** Longest ref name accepted. */
    public static final int MAX_LENGTH = 255;

    private RefNames() {
    }

    /**
     * @param kind what the name is for ("branch", "tag"), used in the message
     * @throws InvalidInputException naming the rule the name breaks
     */
    public static void check(String name, String kind) {
        String problem = problem(name);
        if (problem != null) {
            throw new InvalidInputException(kind + " name '" + printable(name) + "' " + problem);
        }
    }

    /** True when git would accept {@code name} as a branch or tag name. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (name.equals("@") || name.equals("HEAD")) {
            return "is reserved";
        }
        if (name.startsWith("-")) {
            return "starts with '-'";
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return "has an empty path component";
        }
        if (name.endsWith(".")) {
            return "ends with '.'";
        }
        if (name.contains("..")) {
            return "contains '..'";
        }
        if (name.contains("@{")) {
            return "contains '@{'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
            if (" ~^:?*[\\".indexOf(c) >= 0) {
                return "contains '" + c + "'";
            }
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".")) {
                return "has a component starting with '.'";
            }
            if (component.endsWith(".lock")) {
                return "has a component ending with '.lock'";
            }
        }
        return null;
    }

    static String printable(String name) {
        if (name == null) {
            return "null";
        }
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return shown.replace("\0", "\\0").replaceAll("\\p{Cntrl}", "?");
    }
}
