package dev.coral.core.cli.command;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Options every command accepts, before or after the verb: {@code coral -C repo --json status} and
 * {@code coral status -C repo --json} mean the same.
 */
public final class GlobalOptions {

    @Option(names = "-C", paramLabel = "DIR",
            description = "Run as if coral was started in DIR. May be repeated; each DIR is relative to the previous "
                    + "one.")
    List<String> directories = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    /** The {@code -C} directories in the order given. */
    public List<String> directories() {
        return directories;
    }

    public boolean json() {
        return json;
    }

    public boolean progress() {
        return progress;
    }
}
