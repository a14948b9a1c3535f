package dev.coral.core.cli;

import dev.coral.core.tensor.Tensor;

import java.nio.file.Path;
import java.util.Map;

/**
 * Turns an argument of {@code coral add} into named tensors. The CLI's source reads tensor files
 * ({@link FileTensorSource}); the notebook's source also accepts the name of a variable holding tensors
 * and falls back to files.
 *
 * <pre>{@code
 * TensorSource variables = (argument, dir) -> argument.equals("model")
 *         ? Map.of("fc1.weight", w)
 *         : FileTensorSource.INSTANCE.resolve(argument, dir);
 * }</pre>
 */
@FunctionalInterface
public interface TensorSource {
    /**
     * The tensors {@code argument} names, by tensor name, in a stable order.
     *
     * @param argument   the argument as the user typed it
     * @param workingDir the directory relative paths are resolved against
     * @throws dev.coral.core.error.CoralException naming the argument when it names nothing usable
     */
    Map<String, Tensor> resolve(String argument, Path workingDir);
}
