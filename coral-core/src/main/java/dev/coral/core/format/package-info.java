/**
 * Reading and writing tensor files: {@code .npy}, {@code .npz}, {@code .safetensors} and HDF5.
 * Entry point: {@link dev.coral.core.format.TensorFiles}. Every size a file states is checked against
 * the file before anything is allocated, and every refusal is an
 * {@link dev.coral.core.error.InvalidInputException} naming the file, the tensor and the problem.
 */
package dev.coral.core.format;
