/**
 * The Jupyter side, on jjava-jupyter: the kernel adapter, the low-latency shell and control channels,
 * IOPub output and the cell history.
 */
package dev.coral.kernel.protocol;
