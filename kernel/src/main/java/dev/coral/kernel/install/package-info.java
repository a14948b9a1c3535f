/** Installation of the {@code coral-java} kernelspec. */
package dev.coral.kernel.install;
