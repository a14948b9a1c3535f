/**
 * A small strict JSON reader and writer, used for the CLI's {@code --json} output and for file headers
 * (safetensors). Entry point: {@link dev.coral.core.json.Json}.
 */
package dev.coral.core.json;
