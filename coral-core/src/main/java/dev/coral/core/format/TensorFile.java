package dev.coral.core.format;

import dev.coral.core.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one file, in file order, and the file's string metadata (the safetensors
 * {@code __metadata__} map; empty for formats without one).
 *
 * <pre>{@code
 * TensorFile f = TensorFiles.read(Path.of("model.safetensors"));
 * Tensor w = f.tensors().get("fc1.weight");
 * String fmt = f.metadata().get("format");
 * }</pre>
 *
 * @param tensors  name → tensor, unmodifiable, in the order the file lists them
 * @param metadata key → value, unmodifiable, in file order
 */
public record TensorFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    public TensorFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
