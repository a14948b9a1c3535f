package dev.coral.magics.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.coral.core.cli.FileTensorSource;
import dev.coral.core.cli.TensorSource;
import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.tensor.Tensor;

/**
 * The notebook's {@link TensorSource}: an argument of {@code %coral add} is first looked up as a
 * variable of the notebook (see {@link NamedTensors} for the accepted types; a {@code String},
 * {@link Path} or {@link File} value names a file), and otherwise read as a tensor file.
 */
final class VariableTensorSource implements TensorSource {
    private final Function<String, Optional<Object>> variables;

    /** @param variables the notebook's variables by name ({@code MagicContext::variable}) */
    VariableTensorSource(Function<String, Optional<Object>> variables) {
        this.variables = variables;
    }

    @Override
    public Map<String, Tensor> resolve(String argument, Path workingDir) {
        Optional<Object> variable = isJavaIdentifier(argument) ? variables.apply(argument) : Optional.empty();
        if (variable.isEmpty()) {
            return fromFile(argument, workingDir);
        }
        Object value = variable.get();
        if (value == null) {
            throw new InvalidInputException("variable '" + argument + "' is null; it must hold tensors");
        }
        if (value instanceof String || value instanceof Path || value instanceof File) {
            return fromFile(value.toString(), workingDir);
        }
        return NamedTensors.of(argument, value).orElseThrow(() -> new InvalidInputException("variable '"
                + argument + "' is of type " + value.getClass().getSimpleName() + "; %coral add takes a Map<String, Tensor>,"
                + " a Tensor, an object with stateDict() or namedTensors(), a ModelView, or a file path"));
    }

    private static Map<String, Tensor> fromFile(String path, Path workingDir) {
        Path file = workingDir.resolve(path);
        if (!Files.exists(file)) {
            throw new NotFoundException("'" + path + "' is neither a notebook variable nor a file (looked in "
                    + workingDir + ")");
        }
        return FileTensorSource.INSTANCE.resolve(path, workingDir);
    }

    private static boolean isJavaIdentifier(String text) {
        if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
