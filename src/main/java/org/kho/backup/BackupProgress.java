package org.kho.backup;

/** What a running backup reports; called from several threads. */
public interface BackupProgress {
  /** The scan found this much so far (files and bytes in total). */
  default void scanned(long files, long bytes) {}

  /** {@code bytes} more of the total are done (read and stored, or known unchanged). */
  default void advanced(long bytes) {}

  /** One more file is done. */
  default void fileDone() {}

  BackupProgress NONE = new BackupProgress() {};
}
