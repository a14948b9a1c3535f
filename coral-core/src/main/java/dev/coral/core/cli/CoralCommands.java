package dev.coral.core.cli;

import dev.coral.core.cli.command.CoralCommand;
import dev.coral.core.cli.command.GlobalOptions;
import dev.coral.core.cli.command.VerbCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one grammar of Coral's commands, shared by the {@code coral} CLI and the notebook's {@code %coral}
 * magic: parses a command line with the picocli command classes of {@code dev.coral.core.cli.command},
 * runs it against a {@link CommandEnvironment} and returns the result record, printing nothing.
 *
 * <pre>{@code
 * CommandEnvironment env = CommandEnvironment.standalone(FileTensorSource.INSTANCE, Progress.NONE);
 * CommitResult c = (CommitResult) CoralCommands.run(dir, List.of("commit", "-m", "epoch 3"), env);
 * DiffResult d = (DiffResult) CoralCommands.run(dir, "diff HEAD~1 HEAD", env);
 * String text = TextRenderer.render(d);
 * }</pre>
 *
 * <p>Results: {@code init} → {@link InitResult}; {@code add} → {@link AddResult}; {@code rm} →
 * {@link RemoveResult}; {@code commit} → {@code CommitResult}; {@code status} → {@code StatusResult};
 * {@code log} → {@code LogResult}; {@code show} → {@code ShowResult}; {@code checkout} →
 * {@code CheckoutResult}; {@code branch} → {@link BranchListResult} or {@link BranchResult}; {@code tag} →
 * {@link TagListResult} or {@link TagResult}; {@code diff} → {@code DiffResult}; {@code reflog} →
 * {@code ReflogResult}; {@code export} → {@link ExportResult}; {@code stats} → {@code StatsResult};
 * {@code repack} → {@code RepackResult}; {@code gc} → {@code GcResult}; {@code fsck} → {@code FsckResult}; {@code config} /
 * {@code config list} → {@link ConfigListResult};
 * {@code config get} → {@code ConfigEntry}; {@code config set|unset} → {@link ConfigUpdateResult};
 * {@code --help}, {@code --version} or no verb → {@link UsageText}.
 *
 * <p>Errors: a command line that does not parse throws {@link UsageException}; a failing command throws
 * the engine's {@link dev.coral.core.error.CoralException}. Both say what is wrong in one line.
 * Thread-safe: every call builds its own parser. {@link CommandCompleter} completes partial lines from
 * the same grammar.
 */
public final class CoralCommands {
    private CoralCommands() {
    }

    /** Parses and runs {@code args} in {@code workingDir}; see the class comment for what it returns. */
    public static Object run(Path workingDir, List<String> args, CommandEnvironment environment) {
        return parse(args).execute(workingDir, environment);
    }

    /** Like {@link #run(Path, List, CommandEnvironment)} for one line, split as a shell would. */
    public static Object run(Path workingDir, String line, CommandEnvironment environment) {
        return run(workingDir, ArgumentSplitter.split(line), environment);
    }

    /**
     * Parses {@code args} without running anything.
     *
     * @throws UsageException naming the unknown verb or option, or the missing or malformed argument
     */
    public static Invocation parse(List<String> args) {
        CommandLine top = newCommandLine();
        StringWriter helpOut = new StringWriter();
        top.setOut(new PrintWriter(helpOut));
        ParseResult parsed;
        try {
            parsed = top.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw usageError(e);
        }
        List<String> directories = new ArrayList<>();
        boolean json = false;
        boolean progress = false;
        List<String> verbs = new ArrayList<>();
        ParseResult leaf = parsed;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            GlobalOptions g = globalsOf(level.commandSpec().userObject());
            directories.addAll(g.directories());
            json |= g.json();
            progress |= g.progress();
            if (level != parsed) {
                verbs.add(level.commandSpec().name());
            }
            leaf = level;
        }
        String verb = String.join(" ", verbs);
        if (CommandLine.printHelpIfRequested(parsed)) {
            return new Invocation(verb, null, new UsageText(helpOut.toString()), directories, json, progress);
        }
        if (!(leaf.commandSpec().userObject() instanceof VerbCommand command)) {
            return new Invocation(verb, null, new UsageText(top.getUsageMessage(CommandLine.Help.Ansi.OFF)),
                    directories, json, progress);
        }
        return new Invocation(verb, command, null, directories, json, progress);
    }

    /** The grammar of every verb, in the order {@code coral --help} lists them. */
    public static List<CommandSyntax> syntax() {
        List<CommandSyntax> verbs = new ArrayList<>();
        for (CommandLine sub : newCommandLine().getSubcommands().values()) {
            verbs.add(syntaxOf(sub.getCommandSpec()));
        }
        return verbs;
    }

    /** The options accepted before any verb ({@code -C}, {@code --json}, {@code --help}, …). */
    public static List<OptionSyntax> globalOptions() {
        return optionsOf(newCommandLine().getCommandSpec());
    }

    /** Usage help of {@code verb} ({@code "commit"}, {@code "config set"}), or of {@code coral} for an empty verb. */
    public static String usage(String verb) {
        CommandLine cl = newCommandLine();
        for (String part : verb.isBlank() ? new String[0] : verb.trim().split("\\s+")) {
            CommandLine sub = cl.getSubcommands().get(part);
            if (sub == null) {
                throw new UsageException("'" + verb + "' is not a coral command; see coral --help");
            }
            cl = sub;
        }
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CoralCommand());
        cl.setExpandAtFiles(false);   // "@name" is a file or tensor name, never a file of more arguments
        cl.setUsageHelpAutoWidth(false);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return cl;
    }

    private static GlobalOptions globalsOf(Object userObject) {
        if (userObject instanceof VerbCommand v) {
            return v.globals();
        }
        return ((CoralCommand) userObject).globals();
    }

    private static UsageException usageError(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String where = spec.qualifiedName(" ");
        String verb = where.startsWith("coral ") ? where.substring("coral ".length()) : "";
        if (e instanceof UnmatchedArgumentException u && verb.isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String unknown = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            return new UsageException("'" + unknown + "' is not a coral command"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
                    + "; see coral --help", e);
        }
        String message = e.getMessage();
        if (!message.isEmpty()) {
            message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        return new UsageException((verb.isEmpty() ? "" : verb + ": ") + message
                + " (see coral " + (verb.isEmpty() ? "" : verb + " ") + "--help)", e);
    }

    private static CommandSyntax syntaxOf(CommandSpec spec) {
        List<ParameterSyntax> parameters = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            parameters.add(new ParameterSyntax(p.paramLabel(), kindOf(p.paramLabel()), p.arity().min() == 0,
                    p.arity().isUnresolved() || p.arity().max() > 1, String.join(" ", p.description())));
        }
        List<CommandSyntax> subs = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            subs.add(syntaxOf(e.getValue().getCommandSpec()));
        }
        String[] description = spec.usageMessage().description();
        return new CommandSyntax(spec.name(), description.length == 0 ? "" : description[0], optionsOf(spec),
                parameters, subs);
    }

    private static List<OptionSyntax> optionsOf(CommandSpec spec) {
        List<OptionSyntax> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            boolean flag = o.arity().max() == 0;
            options.add(new OptionSyntax(List.of(o.names()), flag ? null : o.paramLabel(),
                    flag ? null : kindOf(o.paramLabel()), o.isMultiValue(), String.join(" ", o.description())));
        }
        return options;
    }

    /** The labels of the command classes say what a value names; one label, one kind. */
    private static ValueKind kindOf(String label) {
        return switch (label) {
            case "REF", "FROM", "TO", "START" -> ValueKind.REF;
            case "REF[:TENSOR]" -> ValueKind.REF_OR_TENSOR;
            case "BRANCH" -> ValueKind.BRANCH;
            case "TAG" -> ValueKind.TAG;
            case "TENSOR" -> ValueKind.TENSOR;
            case "FILE", "OUT" -> ValueKind.FILE;
            case "DIR" -> ValueKind.DIRECTORY;
            case "KEY" -> ValueKind.CONFIG_KEY;
            case "NAME=VALUE" -> ValueKind.METRIC;
            case "N" -> ValueKind.NUMBER;
            default -> ValueKind.TEXT;
        };
    }
}
