package dev.coral.core.cli;

import dev.coral.core.format.TensorFiles;
import dev.coral.core.tensor.Tensor;

import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI's {@link TensorSource}: an argument is a tensor file ({@code .npy}, {@code .npz},
 * {@code .safetensors}, HDF5), relative to the working directory unless absolute. Every size in the
 * file is validated before use (see {@link TensorFiles#read}).
 *
 * <pre>{@code
 * Map<String, Tensor> t = FileTensorSource.INSTANCE.resolve("ckpt/epoch3.safetensors", Path.of("."));
 * }</pre>
 */
public final class FileTensorSource implements TensorSource {
    /** The shared instance (it holds no state). */
    public static final FileTensorSource INSTANCE = new FileTensorSource();

    private FileTensorSource() {
    }

    @Override
    public Map<String, Tensor> resolve(String argument, Path workingDir) {
        return TensorFiles.read(workingDir.resolve(argument)).tensors();
    }
}
