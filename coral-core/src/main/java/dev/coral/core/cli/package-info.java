/**
 * The {@code coral} command line and the one grammar it shares with the notebook's {@code %coral} magic.
 *
 * <p>{@link dev.coral.core.cli.CoralCommands} parses a command line with the picocli command classes of
 * {@code dev.coral.core.cli.command} (one class per verb) and returns the verb's result record without
 * printing. {@link dev.coral.core.cli.CoralCli} is the process entry point: it prints the record with
 * {@link dev.coral.core.cli.TextRenderer} or, with {@code --json}, {@link dev.coral.core.cli.JsonView},
 * and maps failures to exit codes (0 ok, 1 user error, 2 internal error). A host such as the notebook
 * supplies a {@link dev.coral.core.cli.CommandEnvironment}: which repository to use, how {@code add}
 * arguments become tensors ({@link dev.coral.core.cli.TensorSource}) and where
 * {@link dev.coral.core.cli.Progress} goes. {@link dev.coral.core.cli.CoralCommands#syntax()} describes
 * every verb for completion.
 *
 * <pre>{@code
 * $ coral init && coral add model.safetensors && coral commit -m "baseline" --metric acc=0.91
 * $ coral --json diff HEAD~1 HEAD
 *
 * Object r = CoralCommands.run(Path.of("."), "diff HEAD~1 HEAD", env);   // a DiffResult
 * }</pre>
 */
package dev.coral.core.cli;
