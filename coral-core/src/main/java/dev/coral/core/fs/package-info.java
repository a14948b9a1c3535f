/** File-system helpers shared by the object store, the exporters and repository creation. */
package dev.coral.core.fs;
