package dev.coral.kernel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.coral.kernel.api.MagicContext;
import dev.coral.kernel.magic.CellParser;
import dev.coral.kernel.magic.CellPlan;
import dev.coral.kernel.magic.UnknownMagicException;
import dev.coral.kernel.shell.JShellSession;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Completion, inspection and is-complete for cells, Java and magics alike. */
public final class CodeIntelligence {

    /** Candidates that replace the cell text from {@code start} to {@code end}. */
    public record Completion(List<String> matches, int start, int end) {
    }

    private static final Pattern MAGIC_NAME_PREFIX = Pattern.compile("^\\s*(%%?)([\\w.-]*)$");
    private static final Pattern MAGIC_WITH_ARGS = Pattern.compile("^(?:.*=\\s*)?\\s*(%%?)([A-Za-z][\\w.-]*)\\s+(.*)$");

    private final JShellSession shell;
    private final Extensions extensions;
    private final MagicContext context;
    private final CellParser parser;

    CodeIntelligence(JShellSession shell, Extensions extensions, MagicContext context, CellParser parser) {
        this.shell = shell;
        this.extensions = extensions;
        this.context = context;
        this.parser = parser;
    }

    /** Completion candidates at {@code cursor}: magic names, a magic's own arguments, or Java. */
    public Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        String linePrefix = code.substring(lineStart, cursor);
        Matcher name = MAGIC_NAME_PREFIX.matcher(linePrefix);
        if (name.matches()) {
            boolean cell = name.group(1).equals("%%");
            List<String> names = (cell ? extensions.cellMagicNames() : extensions.lineMagicNames()).stream()
                    .filter(n -> n.startsWith(name.group(2)))
                    .map(n -> name.group(1) + n)
                    .toList();
            return new Completion(names, lineStart + name.start(1), cursor);
        }
        Matcher withArgs = MAGIC_WITH_ARGS.matcher(linePrefix);
        if (withArgs.matches() && isMagic(withArgs.group(1), withArgs.group(2))) {
            return completeMagicArgs(withArgs.group(1).equals("%%"), withArgs.group(2), withArgs.group(3), cursor);
        }
        int start = statementStart(code, cursor);
        JShellSession.Completions java = shell.complete(code.substring(start, cursor), cursor - start);
        return new Completion(java.candidates(), start + java.anchor(), cursor);
    }

    private boolean isMagic(String percent, String name) {
        return percent.equals("%%") ? extensions.cellMagic(name).isPresent() : extensions.lineMagic(name).isPresent();
    }

    private Completion completeMagicArgs(boolean cell, String name, String args, int cursor) {
        int wordLength = args.length() - (Math.max(args.lastIndexOf(' '), args.lastIndexOf('\t')) + 1);
        List<String> matches = cell
                ? extensions.cellMagic(name).orElseThrow().complete(args, context)
                : extensions.lineMagic(name).orElseThrow().complete(args, context);
        return new Completion(matches, cursor - wordLength, cursor);
    }

    /** The documentation of the symbol at {@code cursor} (a method once its name is written), as text. */
    public Optional<String> inspect(String code, int cursor) {
        int start = statementStart(code, cursor);
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String statement = code.substring(start, end);
        var docs = shell.documentation(statement, cursor - start);
        if (docs.isEmpty()) {
            docs = shell.documentation(statement + "(", statement.length() + 1);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    /**
     * Whether the cell can run as is: {@code "complete"}, {@code "invalid"}, or the indentation of the
     * next line when it is incomplete (Jupyter's {@code is_complete} answer).
     */
    public String isComplete(String code) {
        CellPlan plan;
        try {
            plan = parser.parse(code);
        } catch (UnknownMagicException e) {
            return "invalid";
        }
        if (plan instanceof CellPlan.CellMagicCall) {
            return "complete";
        }
        List<CellPlan.Step> steps = ((CellPlan.Steps) plan).steps();
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof CellPlan.JavaCode java)) {
            return "complete";
        }
        Completeness completeness = shell.completeness(java.code());
        if (completeness == Completeness.UNKNOWN) {
            return "invalid";
        }
        return completeness.isComplete() || completeness == Completeness.EMPTY ? "complete" : indentAfter(code);
    }

    private static String indentAfter(String code) {
        String lastLine = code.strip().isEmpty() ? "" : code.stripTrailing().substring(code.stripTrailing().lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        String trimmed = lastLine.strip();
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? indent + "    " : indent;
    }

    /** Where the statement containing {@code cursor} starts: after the last magic line and ended statement. */
    private int statementStart(String code, int cursor) {
        int from = 0;
        int lineStart = 0;
        for (int newline = code.indexOf('\n'); newline >= 0 && newline < cursor; newline = code.indexOf('\n', lineStart)) {
            if (code.substring(lineStart, newline).stripLeading().startsWith("%")) {
                from = newline + 1;
            }
            lineStart = newline + 1;
        }
        return from + shell.currentStatementStart(code.substring(from, cursor));
    }
}
