/**
 * The user-facing repository API: {@link dev.coral.core.repo.Repository}, sessions, the on-disk index,
 * settings and lazy model views. Every verb returns a record of {@code dev.coral.core.result}.
 */
package dev.coral.core.repo;
