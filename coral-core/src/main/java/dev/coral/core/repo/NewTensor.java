package dev.coral.core.repo;

import dev.coral.core.dedup.TensorSketch;
import dev.coral.core.store.PreparedTensor;

/**
 * A tensor a change stores for the first time: its encoded form, and its sketch, which goes into the
 * repository's similarity index in the transaction that records the tensor.
 */
record NewTensor(PreparedTensor prepared, TensorSketch sketch) {
}
