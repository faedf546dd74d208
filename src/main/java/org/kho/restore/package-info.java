/**
 * Restore: writes a snapshot, or chosen paths of it, into a folder with its metadata (modes,
 * owners when run as root, times, symbolic and hard links, holes of sparse files), several files
 * at a time; {@code verify} reads back what was written and re-hashes it against the chunk ids.
 *
 * <p>{@link org.kho.restore.RestoreService} is the entry point; {@link org.kho.restore.SnapshotBrowser}
 * lists a snapshot's entries and compares two snapshots without restoring. Imports {@code repository},
 * {@code plan}, {@code catalogue} and {@code core}.
 */
package org.kho.restore;
