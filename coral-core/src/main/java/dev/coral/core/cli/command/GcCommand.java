package dev.coral.core.cli.command;

import dev.coral.core.cli.UsageException;
import dev.coral.core.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code coral gc [--prune-older-than=AGE]}. */
@Command(name = "gc", header = "Delete object files that no stored tensor names.",
        description = "Delete the object files that no stored tensor names (left by a process killed during a "
                + "commit) once they are older than AGE. "
                + "Younger ones may belong to a commit in progress and are kept. Committed data is never touched.")
public final class GcCommand extends VerbCommand {
    private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");

    @Option(names = "--prune-older-than", paramLabel = "AGE",
            description = "Only delete files older than AGE: a number with s, m, h or d (e.g. 30m, 2h), or now. "
                    + "Default: 1h.")
    String age;

    @Override
    public Object execute(CommandContext context) {
        return context.repository().gc(age == null ? Repository.GC_GRACE : parse(age));
    }

    /** {@code now}, or a count of seconds, minutes, hours or days such as {@code 30m}. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("now")) {
            return Duration.ZERO;
        }
        Matcher m = AGE.matcher(t);
        if (!m.matches() || m.group(1).length() > 9) {
            throw new UsageException("gc: --prune-older-than must be now or a number with s, m, h or d (e.g. 30m, 2h), "
                    + "got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
